/* cmd-ui.c: `tidings` with no command: open the settings and the store, and
 * hand them to the reader. The reader itself is src/ui*.c. */
#include "config.h"

#include "cmd.h"
#include "ui.h"

int
cmd_ui(const struct globals *g)
{
	struct session session;
	int status;

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	status = ui_run(&session);
	cmd_close(&session);
	return status;
}
