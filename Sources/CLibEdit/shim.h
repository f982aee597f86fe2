// Non-variadic wrappers around libedit's native API (histedit.h).
// Swift cannot call C variadic functions such as el_set, el_get and history, so each
// operation insq needs gets a small static inline function here.
#ifndef INSQ_CLIBEDIT_SHIM_H
#define INSQ_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*insq_prompt_fn)(EditLine *);
typedef unsigned char (*insq_editor_fn)(EditLine *, int);

// Standard streams, because Swift 6 rejects the imported C globals as not concurrency-safe.
static inline FILE *insq_stdin(void) { return stdin; }
static inline FILE *insq_stdout(void) { return stdout; }
static inline FILE *insq_stderr(void) { return stderr; }

// ---- EditLine settings ----
static inline int insq_el_set_prompt(EditLine *el, insq_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int insq_el_set_prompt_esc(EditLine *el, insq_prompt_fn fn, char delimiter) {
    return el_set(el, EL_PROMPT_ESC, fn, delimiter);
}
static inline int insq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int insq_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int insq_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int insq_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *insq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int insq_el_addfn(EditLine *el, const char *name, const char *help, insq_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int insq_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
static inline int insq_el_setty(EditLine *el, const char *a, const char *b) {
    return el_set(el, EL_SETTY, a, b, (const char *)NULL);
}
/// The terminal's width in columns, or 0 when unknown.
static inline int insq_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) return 0;
    return columns;
}
static inline FILE *insq_el_output_file(EditLine *el) {
    FILE *fp = NULL;
    if (el_get(el, EL_GETFP, 1, &fp) != 0) return NULL;
    return fp;
}

// ---- History ----
static inline int insq_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int insq_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int insq_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
/// Returns the number of entries read, or -1 (for example when the file is missing).
static inline int insq_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
/// Returns the number of entries written, or -1.
static inline int insq_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
static inline int insq_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}
/// The oldest entry (H_LAST walks from the newest end), or NULL when the history is empty.
static inline const char *insq_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) != 0) return NULL;
    return ev.str;
}
/// The entry after the current one toward the newest (H_PREV), or NULL at the end.
static inline const char *insq_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) != 0) return NULL;
    return ev.str;
}

#endif
