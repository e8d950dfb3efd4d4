/* search-fold.h: text as the search index holds it, so that a word typed
 * without accents finds the word written with them. SQLite's unicode61
 * tokenizer already folds Latin diacritics and case; it leaves Greek alone,
 * so "ντερμπι" would not find "ντέρμπι". */
#ifndef TIDINGS_SEARCH_FOLD_H
#define TIDINGS_SEARCH_FOLD_H

/* Fold s in place: Greek letters with tonos or dialytika become the plain
 * letter (ά to α, ΐ to ι, Ώ to Ω), final sigma becomes σ. Every folded
 * letter keeps its two-byte length, so s never grows. NULL is left alone. */
void search_fold(char *s);

#endif
