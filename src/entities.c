/* entities.c: the HTML 4 named entity table and a DTD declaring
 * them; data only, made by tools/gen-entities.py: do not edit. */
#include "config.h"

#include <stddef.h>

#include "entities.h"
#include "text.h"

/* Sorted by name in strcmp order for binary search. */
const struct text_entity text_entities[] = {
	{ "AElig", 0x00c6 },
	{ "Aacute", 0x00c1 },
	{ "Acirc", 0x00c2 },
	{ "Agrave", 0x00c0 },
	{ "Alpha", 0x0391 },
	{ "Aring", 0x00c5 },
	{ "Atilde", 0x00c3 },
	{ "Auml", 0x00c4 },
	{ "Beta", 0x0392 },
	{ "Ccedil", 0x00c7 },
	{ "Chi", 0x03a7 },
	{ "Dagger", 0x2021 },
	{ "Delta", 0x0394 },
	{ "ETH", 0x00d0 },
	{ "Eacute", 0x00c9 },
	{ "Ecirc", 0x00ca },
	{ "Egrave", 0x00c8 },
	{ "Epsilon", 0x0395 },
	{ "Eta", 0x0397 },
	{ "Euml", 0x00cb },
	{ "Gamma", 0x0393 },
	{ "Iacute", 0x00cd },
	{ "Icirc", 0x00ce },
	{ "Igrave", 0x00cc },
	{ "Iota", 0x0399 },
	{ "Iuml", 0x00cf },
	{ "Kappa", 0x039a },
	{ "Lambda", 0x039b },
	{ "Mu", 0x039c },
	{ "Ntilde", 0x00d1 },
	{ "Nu", 0x039d },
	{ "OElig", 0x0152 },
	{ "Oacute", 0x00d3 },
	{ "Ocirc", 0x00d4 },
	{ "Ograve", 0x00d2 },
	{ "Omega", 0x03a9 },
	{ "Omicron", 0x039f },
	{ "Oslash", 0x00d8 },
	{ "Otilde", 0x00d5 },
	{ "Ouml", 0x00d6 },
	{ "Phi", 0x03a6 },
	{ "Pi", 0x03a0 },
	{ "Prime", 0x2033 },
	{ "Psi", 0x03a8 },
	{ "Rho", 0x03a1 },
	{ "Scaron", 0x0160 },
	{ "Sigma", 0x03a3 },
	{ "THORN", 0x00de },
	{ "Tau", 0x03a4 },
	{ "Theta", 0x0398 },
	{ "Uacute", 0x00da },
	{ "Ucirc", 0x00db },
	{ "Ugrave", 0x00d9 },
	{ "Upsilon", 0x03a5 },
	{ "Uuml", 0x00dc },
	{ "Xi", 0x039e },
	{ "Yacute", 0x00dd },
	{ "Yuml", 0x0178 },
	{ "Zeta", 0x0396 },
	{ "aacute", 0x00e1 },
	{ "acirc", 0x00e2 },
	{ "acute", 0x00b4 },
	{ "aelig", 0x00e6 },
	{ "agrave", 0x00e0 },
	{ "alefsym", 0x2135 },
	{ "alpha", 0x03b1 },
	{ "amp", 0x0026 },
	{ "and", 0x2227 },
	{ "ang", 0x2220 },
	{ "apos", 0x0027 },
	{ "aring", 0x00e5 },
	{ "asymp", 0x2248 },
	{ "atilde", 0x00e3 },
	{ "auml", 0x00e4 },
	{ "bdquo", 0x201e },
	{ "beta", 0x03b2 },
	{ "brvbar", 0x00a6 },
	{ "bull", 0x2022 },
	{ "cap", 0x2229 },
	{ "ccedil", 0x00e7 },
	{ "cedil", 0x00b8 },
	{ "cent", 0x00a2 },
	{ "chi", 0x03c7 },
	{ "circ", 0x02c6 },
	{ "clubs", 0x2663 },
	{ "cong", 0x2245 },
	{ "copy", 0x00a9 },
	{ "crarr", 0x21b5 },
	{ "cup", 0x222a },
	{ "curren", 0x00a4 },
	{ "dArr", 0x21d3 },
	{ "dagger", 0x2020 },
	{ "darr", 0x2193 },
	{ "deg", 0x00b0 },
	{ "delta", 0x03b4 },
	{ "diams", 0x2666 },
	{ "divide", 0x00f7 },
	{ "eacute", 0x00e9 },
	{ "ecirc", 0x00ea },
	{ "egrave", 0x00e8 },
	{ "empty", 0x2205 },
	{ "emsp", 0x2003 },
	{ "ensp", 0x2002 },
	{ "epsilon", 0x03b5 },
	{ "equiv", 0x2261 },
	{ "eta", 0x03b7 },
	{ "eth", 0x00f0 },
	{ "euml", 0x00eb },
	{ "euro", 0x20ac },
	{ "exist", 0x2203 },
	{ "fnof", 0x0192 },
	{ "forall", 0x2200 },
	{ "frac12", 0x00bd },
	{ "frac14", 0x00bc },
	{ "frac34", 0x00be },
	{ "frasl", 0x2044 },
	{ "gamma", 0x03b3 },
	{ "ge", 0x2265 },
	{ "gt", 0x003e },
	{ "hArr", 0x21d4 },
	{ "harr", 0x2194 },
	{ "hearts", 0x2665 },
	{ "hellip", 0x2026 },
	{ "iacute", 0x00ed },
	{ "icirc", 0x00ee },
	{ "iexcl", 0x00a1 },
	{ "igrave", 0x00ec },
	{ "image", 0x2111 },
	{ "infin", 0x221e },
	{ "int", 0x222b },
	{ "iota", 0x03b9 },
	{ "iquest", 0x00bf },
	{ "isin", 0x2208 },
	{ "iuml", 0x00ef },
	{ "kappa", 0x03ba },
	{ "lArr", 0x21d0 },
	{ "lambda", 0x03bb },
	{ "lang", 0x2329 },
	{ "laquo", 0x00ab },
	{ "larr", 0x2190 },
	{ "lceil", 0x2308 },
	{ "ldquo", 0x201c },
	{ "le", 0x2264 },
	{ "lfloor", 0x230a },
	{ "lowast", 0x2217 },
	{ "loz", 0x25ca },
	{ "lrm", 0x200e },
	{ "lsaquo", 0x2039 },
	{ "lsquo", 0x2018 },
	{ "lt", 0x003c },
	{ "macr", 0x00af },
	{ "mdash", 0x2014 },
	{ "micro", 0x00b5 },
	{ "middot", 0x00b7 },
	{ "minus", 0x2212 },
	{ "mu", 0x03bc },
	{ "nabla", 0x2207 },
	{ "nbsp", 0x00a0 },
	{ "ndash", 0x2013 },
	{ "ne", 0x2260 },
	{ "ni", 0x220b },
	{ "not", 0x00ac },
	{ "notin", 0x2209 },
	{ "nsub", 0x2284 },
	{ "ntilde", 0x00f1 },
	{ "nu", 0x03bd },
	{ "oacute", 0x00f3 },
	{ "ocirc", 0x00f4 },
	{ "oelig", 0x0153 },
	{ "ograve", 0x00f2 },
	{ "oline", 0x203e },
	{ "omega", 0x03c9 },
	{ "omicron", 0x03bf },
	{ "oplus", 0x2295 },
	{ "or", 0x2228 },
	{ "ordf", 0x00aa },
	{ "ordm", 0x00ba },
	{ "oslash", 0x00f8 },
	{ "otilde", 0x00f5 },
	{ "otimes", 0x2297 },
	{ "ouml", 0x00f6 },
	{ "para", 0x00b6 },
	{ "part", 0x2202 },
	{ "permil", 0x2030 },
	{ "perp", 0x22a5 },
	{ "phi", 0x03c6 },
	{ "pi", 0x03c0 },
	{ "piv", 0x03d6 },
	{ "plusmn", 0x00b1 },
	{ "pound", 0x00a3 },
	{ "prime", 0x2032 },
	{ "prod", 0x220f },
	{ "prop", 0x221d },
	{ "psi", 0x03c8 },
	{ "quot", 0x0022 },
	{ "rArr", 0x21d2 },
	{ "radic", 0x221a },
	{ "rang", 0x232a },
	{ "raquo", 0x00bb },
	{ "rarr", 0x2192 },
	{ "rceil", 0x2309 },
	{ "rdquo", 0x201d },
	{ "real", 0x211c },
	{ "reg", 0x00ae },
	{ "rfloor", 0x230b },
	{ "rho", 0x03c1 },
	{ "rlm", 0x200f },
	{ "rsaquo", 0x203a },
	{ "rsquo", 0x2019 },
	{ "sbquo", 0x201a },
	{ "scaron", 0x0161 },
	{ "sdot", 0x22c5 },
	{ "sect", 0x00a7 },
	{ "shy", 0x00ad },
	{ "sigma", 0x03c3 },
	{ "sigmaf", 0x03c2 },
	{ "sim", 0x223c },
	{ "spades", 0x2660 },
	{ "sub", 0x2282 },
	{ "sube", 0x2286 },
	{ "sum", 0x2211 },
	{ "sup", 0x2283 },
	{ "sup1", 0x00b9 },
	{ "sup2", 0x00b2 },
	{ "sup3", 0x00b3 },
	{ "supe", 0x2287 },
	{ "szlig", 0x00df },
	{ "tau", 0x03c4 },
	{ "there4", 0x2234 },
	{ "theta", 0x03b8 },
	{ "thetasym", 0x03d1 },
	{ "thinsp", 0x2009 },
	{ "thorn", 0x00fe },
	{ "tilde", 0x02dc },
	{ "times", 0x00d7 },
	{ "trade", 0x2122 },
	{ "uArr", 0x21d1 },
	{ "uacute", 0x00fa },
	{ "uarr", 0x2191 },
	{ "ucirc", 0x00fb },
	{ "ugrave", 0x00f9 },
	{ "uml", 0x00a8 },
	{ "upsih", 0x03d2 },
	{ "upsilon", 0x03c5 },
	{ "uuml", 0x00fc },
	{ "weierp", 0x2118 },
	{ "xi", 0x03be },
	{ "yacute", 0x00fd },
	{ "yen", 0x00a5 },
	{ "yuml", 0x00ff },
	{ "zeta", 0x03b6 },
	{ "zwj", 0x200d },
	{ "zwnj", 0x200c },
};

const size_t text_entities_count =
    sizeof text_entities / sizeof text_entities[0];

/*
 * Character references in an entity value are replaced when the
 * declaration is read (XML 1.0 section 4.5), so each entity expands
 * to its character. The XML predefined entities are not declared
 * (section 4.6).
 */
const char text_html_entities_dtd[] =
    "<!ENTITY AElig \"&#198;\">\n"
    "<!ENTITY Aacute \"&#193;\">\n"
    "<!ENTITY Acirc \"&#194;\">\n"
    "<!ENTITY Agrave \"&#192;\">\n"
    "<!ENTITY Alpha \"&#913;\">\n"
    "<!ENTITY Aring \"&#197;\">\n"
    "<!ENTITY Atilde \"&#195;\">\n"
    "<!ENTITY Auml \"&#196;\">\n"
    "<!ENTITY Beta \"&#914;\">\n"
    "<!ENTITY Ccedil \"&#199;\">\n"
    "<!ENTITY Chi \"&#935;\">\n"
    "<!ENTITY Dagger \"&#8225;\">\n"
    "<!ENTITY Delta \"&#916;\">\n"
    "<!ENTITY ETH \"&#208;\">\n"
    "<!ENTITY Eacute \"&#201;\">\n"
    "<!ENTITY Ecirc \"&#202;\">\n"
    "<!ENTITY Egrave \"&#200;\">\n"
    "<!ENTITY Epsilon \"&#917;\">\n"
    "<!ENTITY Eta \"&#919;\">\n"
    "<!ENTITY Euml \"&#203;\">\n"
    "<!ENTITY Gamma \"&#915;\">\n"
    "<!ENTITY Iacute \"&#205;\">\n"
    "<!ENTITY Icirc \"&#206;\">\n"
    "<!ENTITY Igrave \"&#204;\">\n"
    "<!ENTITY Iota \"&#921;\">\n"
    "<!ENTITY Iuml \"&#207;\">\n"
    "<!ENTITY Kappa \"&#922;\">\n"
    "<!ENTITY Lambda \"&#923;\">\n"
    "<!ENTITY Mu \"&#924;\">\n"
    "<!ENTITY Ntilde \"&#209;\">\n"
    "<!ENTITY Nu \"&#925;\">\n"
    "<!ENTITY OElig \"&#338;\">\n"
    "<!ENTITY Oacute \"&#211;\">\n"
    "<!ENTITY Ocirc \"&#212;\">\n"
    "<!ENTITY Ograve \"&#210;\">\n"
    "<!ENTITY Omega \"&#937;\">\n"
    "<!ENTITY Omicron \"&#927;\">\n"
    "<!ENTITY Oslash \"&#216;\">\n"
    "<!ENTITY Otilde \"&#213;\">\n"
    "<!ENTITY Ouml \"&#214;\">\n"
    "<!ENTITY Phi \"&#934;\">\n"
    "<!ENTITY Pi \"&#928;\">\n"
    "<!ENTITY Prime \"&#8243;\">\n"
    "<!ENTITY Psi \"&#936;\">\n"
    "<!ENTITY Rho \"&#929;\">\n"
    "<!ENTITY Scaron \"&#352;\">\n"
    "<!ENTITY Sigma \"&#931;\">\n"
    "<!ENTITY THORN \"&#222;\">\n"
    "<!ENTITY Tau \"&#932;\">\n"
    "<!ENTITY Theta \"&#920;\">\n"
    "<!ENTITY Uacute \"&#218;\">\n"
    "<!ENTITY Ucirc \"&#219;\">\n"
    "<!ENTITY Ugrave \"&#217;\">\n"
    "<!ENTITY Upsilon \"&#933;\">\n"
    "<!ENTITY Uuml \"&#220;\">\n"
    "<!ENTITY Xi \"&#926;\">\n"
    "<!ENTITY Yacute \"&#221;\">\n"
    "<!ENTITY Yuml \"&#376;\">\n"
    "<!ENTITY Zeta \"&#918;\">\n"
    "<!ENTITY aacute \"&#225;\">\n"
    "<!ENTITY acirc \"&#226;\">\n"
    "<!ENTITY acute \"&#180;\">\n"
    "<!ENTITY aelig \"&#230;\">\n"
    "<!ENTITY agrave \"&#224;\">\n"
    "<!ENTITY alefsym \"&#8501;\">\n"
    "<!ENTITY alpha \"&#945;\">\n"
    "<!ENTITY and \"&#8743;\">\n"
    "<!ENTITY ang \"&#8736;\">\n"
    "<!ENTITY aring \"&#229;\">\n"
    "<!ENTITY asymp \"&#8776;\">\n"
    "<!ENTITY atilde \"&#227;\">\n"
    "<!ENTITY auml \"&#228;\">\n"
    "<!ENTITY bdquo \"&#8222;\">\n"
    "<!ENTITY beta \"&#946;\">\n"
    "<!ENTITY brvbar \"&#166;\">\n"
    "<!ENTITY bull \"&#8226;\">\n"
    "<!ENTITY cap \"&#8745;\">\n"
    "<!ENTITY ccedil \"&#231;\">\n"
    "<!ENTITY cedil \"&#184;\">\n"
    "<!ENTITY cent \"&#162;\">\n"
    "<!ENTITY chi \"&#967;\">\n"
    "<!ENTITY circ \"&#710;\">\n"
    "<!ENTITY clubs \"&#9827;\">\n"
    "<!ENTITY cong \"&#8773;\">\n"
    "<!ENTITY copy \"&#169;\">\n"
    "<!ENTITY crarr \"&#8629;\">\n"
    "<!ENTITY cup \"&#8746;\">\n"
    "<!ENTITY curren \"&#164;\">\n"
    "<!ENTITY dArr \"&#8659;\">\n"
    "<!ENTITY dagger \"&#8224;\">\n"
    "<!ENTITY darr \"&#8595;\">\n"
    "<!ENTITY deg \"&#176;\">\n"
    "<!ENTITY delta \"&#948;\">\n"
    "<!ENTITY diams \"&#9830;\">\n"
    "<!ENTITY divide \"&#247;\">\n"
    "<!ENTITY eacute \"&#233;\">\n"
    "<!ENTITY ecirc \"&#234;\">\n"
    "<!ENTITY egrave \"&#232;\">\n"
    "<!ENTITY empty \"&#8709;\">\n"
    "<!ENTITY emsp \"&#8195;\">\n"
    "<!ENTITY ensp \"&#8194;\">\n"
    "<!ENTITY epsilon \"&#949;\">\n"
    "<!ENTITY equiv \"&#8801;\">\n"
    "<!ENTITY eta \"&#951;\">\n"
    "<!ENTITY eth \"&#240;\">\n"
    "<!ENTITY euml \"&#235;\">\n"
    "<!ENTITY euro \"&#8364;\">\n"
    "<!ENTITY exist \"&#8707;\">\n"
    "<!ENTITY fnof \"&#402;\">\n"
    "<!ENTITY forall \"&#8704;\">\n"
    "<!ENTITY frac12 \"&#189;\">\n"
    "<!ENTITY frac14 \"&#188;\">\n"
    "<!ENTITY frac34 \"&#190;\">\n"
    "<!ENTITY frasl \"&#8260;\">\n"
    "<!ENTITY gamma \"&#947;\">\n"
    "<!ENTITY ge \"&#8805;\">\n"
    "<!ENTITY hArr \"&#8660;\">\n"
    "<!ENTITY harr \"&#8596;\">\n"
    "<!ENTITY hearts \"&#9829;\">\n"
    "<!ENTITY hellip \"&#8230;\">\n"
    "<!ENTITY iacute \"&#237;\">\n"
    "<!ENTITY icirc \"&#238;\">\n"
    "<!ENTITY iexcl \"&#161;\">\n"
    "<!ENTITY igrave \"&#236;\">\n"
    "<!ENTITY image \"&#8465;\">\n"
    "<!ENTITY infin \"&#8734;\">\n"
    "<!ENTITY int \"&#8747;\">\n"
    "<!ENTITY iota \"&#953;\">\n"
    "<!ENTITY iquest \"&#191;\">\n"
    "<!ENTITY isin \"&#8712;\">\n"
    "<!ENTITY iuml \"&#239;\">\n"
    "<!ENTITY kappa \"&#954;\">\n"
    "<!ENTITY lArr \"&#8656;\">\n"
    "<!ENTITY lambda \"&#955;\">\n"
    "<!ENTITY lang \"&#9001;\">\n"
    "<!ENTITY laquo \"&#171;\">\n"
    "<!ENTITY larr \"&#8592;\">\n"
    "<!ENTITY lceil \"&#8968;\">\n"
    "<!ENTITY ldquo \"&#8220;\">\n"
    "<!ENTITY le \"&#8804;\">\n"
    "<!ENTITY lfloor \"&#8970;\">\n"
    "<!ENTITY lowast \"&#8727;\">\n"
    "<!ENTITY loz \"&#9674;\">\n"
    "<!ENTITY lrm \"&#8206;\">\n"
    "<!ENTITY lsaquo \"&#8249;\">\n"
    "<!ENTITY lsquo \"&#8216;\">\n"
    "<!ENTITY macr \"&#175;\">\n"
    "<!ENTITY mdash \"&#8212;\">\n"
    "<!ENTITY micro \"&#181;\">\n"
    "<!ENTITY middot \"&#183;\">\n"
    "<!ENTITY minus \"&#8722;\">\n"
    "<!ENTITY mu \"&#956;\">\n"
    "<!ENTITY nabla \"&#8711;\">\n"
    "<!ENTITY nbsp \"&#160;\">\n"
    "<!ENTITY ndash \"&#8211;\">\n"
    "<!ENTITY ne \"&#8800;\">\n"
    "<!ENTITY ni \"&#8715;\">\n"
    "<!ENTITY not \"&#172;\">\n"
    "<!ENTITY notin \"&#8713;\">\n"
    "<!ENTITY nsub \"&#8836;\">\n"
    "<!ENTITY ntilde \"&#241;\">\n"
    "<!ENTITY nu \"&#957;\">\n"
    "<!ENTITY oacute \"&#243;\">\n"
    "<!ENTITY ocirc \"&#244;\">\n"
    "<!ENTITY oelig \"&#339;\">\n"
    "<!ENTITY ograve \"&#242;\">\n"
    "<!ENTITY oline \"&#8254;\">\n"
    "<!ENTITY omega \"&#969;\">\n"
    "<!ENTITY omicron \"&#959;\">\n"
    "<!ENTITY oplus \"&#8853;\">\n"
    "<!ENTITY or \"&#8744;\">\n"
    "<!ENTITY ordf \"&#170;\">\n"
    "<!ENTITY ordm \"&#186;\">\n"
    "<!ENTITY oslash \"&#248;\">\n"
    "<!ENTITY otilde \"&#245;\">\n"
    "<!ENTITY otimes \"&#8855;\">\n"
    "<!ENTITY ouml \"&#246;\">\n"
    "<!ENTITY para \"&#182;\">\n"
    "<!ENTITY part \"&#8706;\">\n"
    "<!ENTITY permil \"&#8240;\">\n"
    "<!ENTITY perp \"&#8869;\">\n"
    "<!ENTITY phi \"&#966;\">\n"
    "<!ENTITY pi \"&#960;\">\n"
    "<!ENTITY piv \"&#982;\">\n"
    "<!ENTITY plusmn \"&#177;\">\n"
    "<!ENTITY pound \"&#163;\">\n"
    "<!ENTITY prime \"&#8242;\">\n"
    "<!ENTITY prod \"&#8719;\">\n"
    "<!ENTITY prop \"&#8733;\">\n"
    "<!ENTITY psi \"&#968;\">\n"
    "<!ENTITY rArr \"&#8658;\">\n"
    "<!ENTITY radic \"&#8730;\">\n"
    "<!ENTITY rang \"&#9002;\">\n"
    "<!ENTITY raquo \"&#187;\">\n"
    "<!ENTITY rarr \"&#8594;\">\n"
    "<!ENTITY rceil \"&#8969;\">\n"
    "<!ENTITY rdquo \"&#8221;\">\n"
    "<!ENTITY real \"&#8476;\">\n"
    "<!ENTITY reg \"&#174;\">\n"
    "<!ENTITY rfloor \"&#8971;\">\n"
    "<!ENTITY rho \"&#961;\">\n"
    "<!ENTITY rlm \"&#8207;\">\n"
    "<!ENTITY rsaquo \"&#8250;\">\n"
    "<!ENTITY rsquo \"&#8217;\">\n"
    "<!ENTITY sbquo \"&#8218;\">\n"
    "<!ENTITY scaron \"&#353;\">\n"
    "<!ENTITY sdot \"&#8901;\">\n"
    "<!ENTITY sect \"&#167;\">\n"
    "<!ENTITY shy \"&#173;\">\n"
    "<!ENTITY sigma \"&#963;\">\n"
    "<!ENTITY sigmaf \"&#962;\">\n"
    "<!ENTITY sim \"&#8764;\">\n"
    "<!ENTITY spades \"&#9824;\">\n"
    "<!ENTITY sub \"&#8834;\">\n"
    "<!ENTITY sube \"&#8838;\">\n"
    "<!ENTITY sum \"&#8721;\">\n"
    "<!ENTITY sup \"&#8835;\">\n"
    "<!ENTITY sup1 \"&#185;\">\n"
    "<!ENTITY sup2 \"&#178;\">\n"
    "<!ENTITY sup3 \"&#179;\">\n"
    "<!ENTITY supe \"&#8839;\">\n"
    "<!ENTITY szlig \"&#223;\">\n"
    "<!ENTITY tau \"&#964;\">\n"
    "<!ENTITY there4 \"&#8756;\">\n"
    "<!ENTITY theta \"&#952;\">\n"
    "<!ENTITY thetasym \"&#977;\">\n"
    "<!ENTITY thinsp \"&#8201;\">\n"
    "<!ENTITY thorn \"&#254;\">\n"
    "<!ENTITY tilde \"&#732;\">\n"
    "<!ENTITY times \"&#215;\">\n"
    "<!ENTITY trade \"&#8482;\">\n"
    "<!ENTITY uArr \"&#8657;\">\n"
    "<!ENTITY uacute \"&#250;\">\n"
    "<!ENTITY uarr \"&#8593;\">\n"
    "<!ENTITY ucirc \"&#251;\">\n"
    "<!ENTITY ugrave \"&#249;\">\n"
    "<!ENTITY uml \"&#168;\">\n"
    "<!ENTITY upsih \"&#978;\">\n"
    "<!ENTITY upsilon \"&#965;\">\n"
    "<!ENTITY uuml \"&#252;\">\n"
    "<!ENTITY weierp \"&#8472;\">\n"
    "<!ENTITY xi \"&#958;\">\n"
    "<!ENTITY yacute \"&#253;\">\n"
    "<!ENTITY yen \"&#165;\">\n"
    "<!ENTITY yuml \"&#255;\">\n"
    "<!ENTITY zeta \"&#950;\">\n"
    "<!ENTITY zwj \"&#8205;\">\n"
    "<!ENTITY zwnj \"&#8204;\">\n";
