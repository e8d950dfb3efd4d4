/* entities.c: STUB, replaced by the generated table. */
#include "config.h"
#include "text.h"
const char text_html_entities_dtd[] = "";
