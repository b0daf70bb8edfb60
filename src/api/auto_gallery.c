/*
 * auto_gallery.c: the offline gallery index.html of `zuhyo auto` (see auto.h): each chart beside
 * its rows, the sentence and article behind each row, and controls that write a corrections file
 * (the format `zuhyo auto --corrections FILE` reads; README "Correcting a chart"). Each row
 * carries its fact's selectors as data-* attributes; the inline script turns a click into one
 * TAB-separated line and the list into a Blob download. Nothing is fetched: works from file://.
 * Article text reaches the page only HTML-escaped, and the script sets text, never markup.
 * May call: util/buf, util/file (to read the corrections file back), the number formatter.
 */
#include <stdio.h>
#include <string.h>

#include "api/auto.h"
#include "util/file.h"

static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>zuhyo: 図表ギャラリー</title>\n<style>\n"
    "body{font-family:\"BIZ UDPGothic\",\"Noto Sans CJK JP\",sans-serif;margin:0 2rem 2rem;color:#1f1f1f}\n"
    "h1{margin:1.2rem 0 .4rem}\n"
    "section{display:flex;flex-wrap:wrap;gap:1.5rem;margin:2rem 0;padding-top:1rem;border-top:1px solid #ddd}\n"
    "aside+section{border-top:0}\n"
    "figure{margin:0;flex:1 1 560px;max-width:900px}\n"
    "figure img{width:100%;height:auto;border:1px solid #eee}\n"
    "figcaption{margin-top:.3rem}\n"
    "table{border-collapse:collapse;flex:1 1 420px;font-size:.9rem;align-self:flex-start}\n"
    "th,td{border-bottom:1px solid #e6e6e6;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
    "td.num{text-align:right;white-space:nowrap}\n"
    ".src{color:#5f6368;font-size:.8rem}\n"
    "td:first-child{min-width:7em}\n"
    "button{font:inherit;font-size:.75rem;padding:.05rem .4rem;margin:0 .2rem .2rem 0;white-space:nowrap;\n"
    "  border:1px solid #c4c7c5;border-radius:3px;background:#f8f9fa;color:#1f1f1f;cursor:pointer}\n"
    "button:hover{background:#e8eaed}\n"
    "button:disabled{color:#9aa0a6;cursor:default;background:#f8f9fa}\n"
    ".note{color:#b3261e;font-size:.8rem;margin-left:.4rem}\n"
    "td.fix{min-width:8.5em}\n"
    "td.fix .note{display:block;margin:0}\n"
    "td.fix .who{display:block;color:#5f6368;font-size:.75rem}\n"
    "tr.dropped td:not(.fix){text-decoration:line-through;color:#9aa0a6}\n"
    "tr.changed td:first-child,figcaption.changed{box-shadow:inset 3px 0 #e69f00}\n"
    "section.dropped figure{opacity:.35}\n"
    "form.edit{display:flex;flex-wrap:wrap;gap:.2rem;align-items:center;margin:.2rem 0}\n"
    "form.edit button{margin:0}\n"
    "form.edit input{font:inherit;font-size:.85rem;width:10em;padding:.1rem .3rem}\n"
    "form.edit .err{flex-basis:100%;color:#b3261e;font-size:.8rem}\n"
    "#corrections{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #ddd;padding:.5rem 0;\n"
    "  max-height:35vh;overflow:auto;font-size:.85rem}\n"
    "#corrections .hint{color:#5f6368;margin:.3rem 0 0}\n"
    "#corrections ol{margin:.3rem 0 0;padding-left:1.6rem}\n"
    "#corrections li{margin:.15rem 0}\n"
    "#corrections details{margin:.3rem 0 0}\n"
    "#corrections pre{margin:.2rem 0 0 1.2rem;color:#5f6368;font-size:.75rem;white-space:pre-wrap}\n"
    "#corrections code{color:#5f6368;font-size:.75rem;margin-left:.5rem;white-space:pre-wrap}\n"
    "</style>\n</head>\n<body>\n<h1>図表ギャラリー</h1>\n"
    "<p>zuhyo が記事から読み取った数値の図表です。各数値の右に、その数値が書かれていた文と記事を示します。</p>\n"
    "<aside id=\"corrections\">\n<strong>修正</strong> <span class=\"count\">なし</span>\n"
    "<button type=\"button\" id=\"download\" disabled>corrections.tsv を保存</button>\n"
    "<p class=\"hint\">誤った数値は各行の「誤り」「主体は…」「値は…」「時点は…」で、図は題の横のボタンで直せます。"
    "保存したファイルを <code>zuhyo auto 記事 --corrections corrections.tsv</code> に渡すと、直した図が描かれます。</p>\n"
    "<ol></ol>\n";

/* The corrections panel's script, then a count of the images that loaded and failed (for a
 * reader's sanity and for the browser tests). */
static const char html_tail[] =
    "<script>\n"
    "(function () {\n"
    "  'use strict';\n"
    "  // The corrections made on this page, in order; each is one line of the corrections file.\n"
    "  var KEYS = ['doc', 'subject', 'measure', 'value', 'time', 'text'];\n"
    "  var VERBS = {drop: '誤り', owner: '主体', value: '値', time: '時点', rename: '題', dropchart: '図を外す'};\n"
    "  var made = [], saved = true, editor = null;\n"
    "  var panel = document.getElementById('corrections');\n"
    "  var list = panel.querySelector('ol'), count = panel.querySelector('.count');\n"
    "  var download = document.getElementById('download');\n"
    "\n"
    "  function clean(s) { return String(s).replace(/[\\t\\r\\n]/g, '').trim(); }\n"
    "  function el(tag, cls, text) {\n"
    "    var e = document.createElement(tag);\n"
    "    if (cls) e.className = cls;\n"
    "    if (text !== undefined) e.textContent = text;\n"
    "    return e;\n"
    "  }\n"
    "  // The row's selectors in the format's key order: only the keys the row has.\n"
    "  function rowSelectors(tr) {\n"
    "    var out = [];\n"
    "    KEYS.forEach(function (k) {\n"
    "      var v = tr.dataset[k];\n"
    "      if (v !== undefined && clean(v) !== '') out.push(k + '=' + clean(v));\n"
    "    });\n"
    "    return out;\n"
    "  }\n"
    "  function lineOf(action, selectors, to) {\n"
    "    var fields = [action].concat(selectors);\n"
    "    if (to !== undefined) fields.push('to=' + clean(to));\n"
    "    return fields.join('\\t');\n"
    "  }\n"
    "  function add(c) {\n"
    "    if (made.some(function (m) { return m.line === c.line; })) return;\n"
    "    made.push(c);\n"
    "    saved = false;\n"
    "    show();\n"
    "  }\n"
    "  function undo(i) {\n"
    "    made.splice(i, 1);\n"
    "    saved = false;\n"
    "    show();\n"
    "  }\n"
    "\n"
    "  // What a correction changes on the page: its chart, or every row of the same fact (a fact\n"
    "  // can stand in two charts, and a correction applies to all of them).\n"
    "  function targets(c) {\n"
    "    if (!c.fact) return [c.target];\n"
    "    return [].filter.call(document.querySelectorAll('tr[data-doc]'), function (tr) {\n"
    "      return rowSelectors(tr).join('\\t') === c.fact;\n"
    "    });\n"
    "  }\n"
    "  // Redraw the panel, and the marks on rows and charts, from the list.\n"
    "  function show() {\n"
    "    document.querySelectorAll('.dropped,.changed').forEach(function (e) {\n"
    "      e.classList.remove('dropped', 'changed');\n"
    "    });\n"
    "    document.querySelectorAll('.note').forEach(function (e) { e.textContent = ''; });\n"
    "    list.textContent = '';\n"
    "    made.forEach(function (c, i) {\n"
    "      targets(c).forEach(function (t) {\n"
    "        var note = t.querySelector('.note');\n"
    "        if (c.action === 'drop' || c.action === 'dropchart') t.classList.add('dropped');\n"
    "        else if (c.action === 'rename') t.querySelector('figcaption').classList.add('changed');\n"
    "        else t.classList.add('changed');\n"
    "        if (note) note.textContent = (note.textContent ? note.textContent + ' / ' : '') + c.note;\n"
    "      });\n"
    "      var li = el('li'), b = el('button', null, '取り消す');\n"
    "      b.type = 'button';\n"
    "      b.dataset.undo = i;\n"
    "      li.appendChild(b);\n"
    "      li.appendChild(el('span', null, c.what + ': ' + c.note));\n"
    "      li.appendChild(el('code', null, c.line.replace(/\\t/g, '  ')));\n"
    "      list.appendChild(li);\n"
    "    });\n"
    "    count.textContent = made.length ? made.length + ' 件' : 'なし';\n"
    "    download.disabled = !made.length;\n"
    "  }\n"
    "\n"
    "  // The file: the corrections the charts were drawn with (if any), then the ones made here.\n"
    "  function fileText() {\n"
    "    var when = new Date().toISOString().replace(/\\.\\d+Z$/, 'Z'), lines = [];\n"
    "    var earlier = document.getElementById('earlier');\n"
    "    if (earlier && earlier.textContent.trim()) lines.push(earlier.textContent.replace(/\\s+$/, ''));\n"
    "    else lines.push('# corrections for zuhyo auto ARTICLES --corrections FILE');\n"
    "    lines.push('# made in the gallery ' + when + ': ACTION, then key=value fields, TAB-separated');\n"
    "    made.forEach(function (c) { lines.push(c.line); });\n"
    "    return lines.join('\\n') + '\\n';\n"
    "  }\n"
    "  function save() {\n"
    "    var blob = new Blob([fileText()], {type: 'text/tab-separated-values;charset=utf-8'});\n"
    "    var url = URL.createObjectURL(blob), a = el('a');\n"
    "    a.href = url;\n"
    "    a.download = 'corrections.tsv';\n"
    "    document.body.appendChild(a);\n"
    "    a.click();\n"
    "    a.remove();\n"
    "    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);\n"
    "    saved = true;\n"
    "  }\n"
    "\n"
    "  // An inline editor in host: check(value) returns '' or what is wrong; done(value) on OK.\n"
    "  function closeEditor() {\n"
    "    if (editor) editor.remove();\n"
    "    editor = null;\n"
    "  }\n"
    "  function edit(host, initial, hint, check, done) {\n"
    "    closeEditor();\n"
    "    var form = el('form', 'edit'), input = el('input'), err = el('span', 'err');\n"
    "    var ok = el('button', null, 'OK'), cancel = el('button', null, 'やめる');\n"
    "    input.type = 'text';\n"
    "    input.value = initial || '';\n"
    "    input.placeholder = hint;\n"
    "    input.setAttribute('aria-label', hint);\n"
    "    ok.type = 'submit';\n"
    "    cancel.type = 'button';\n"
    "    [input, ok, cancel, err].forEach(function (e) { form.appendChild(e); });\n"
    "    form.addEventListener('submit', function (e) {\n"
    "      e.preventDefault();\n"
    "      var v = clean(input.value), why = v === '' ? '空です' : check(v);\n"
    "      if (why) {\n"
    "        err.textContent = why;\n"
    "        return;\n"
    "      }\n"
    "      closeEditor();\n"
    "      done(v);\n"
    "    });\n"
    "    cancel.addEventListener('click', closeEditor);\n"
    "    input.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeEditor(); });\n"
    "    host.appendChild(form);\n"
    "    editor = form;\n"
    "    input.focus();\n"
    "    input.select();\n"
    "  }\n"
    "  function anything() { return ''; }\n"
    "  function figure(v) {\n"
    "    return /[0-9０-９〇一二三四五六七八九十百千万億兆]/.test(v) ? '' : '1600000000 や 16億ドル の形で';\n"
    "  }\n"
    "  function isoTime(v) {\n"
    "    var m = /^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$/.exec(v);\n"
    "    var good = m && (!m[2] || (m[2] >= '01' && m[2] <= '12')) && (!m[3] || (m[3] >= '01' && m[3] <= '31'));\n"
    "    return good ? '' : '2024、2024-06、2024-06-30 の形で';\n"
    "  }\n"
    "\n"
    "  // What a row shows: its label and value, for the panel.\n"
    "  function rowName(tr) {\n"
    "    var label = clean(tr.cells[0].textContent), value = clean(tr.cells[1].textContent);\n"
    "    return value ? label + ' ' + value : label;\n"
    "  }\n"
    "  function onRow(act, tr, host) {\n"
    "    var sel = rowSelectors(tr), fact = sel.join('\\t'), what = VERBS[act] + ' — ' + rowName(tr);\n"
    "    if (act === 'drop') {\n"
    "      add({action: act, fact: fact, line: lineOf('drop', sel), what: what, note: '図から外す'});\n"
    "      return;\n"
    "    }\n"
    "    var ask = {owner: ['主体の名前', tr.dataset.subject, anything],\n"
    "               value: ['値（1600000000 や 16億ドル）', '', figure],\n"
    "               time: ['時点（2024-06 など）', tr.dataset.time, isoTime]}[act];\n"
    "    edit(host, ask[1], ask[0], ask[2], function (v) {\n"
    "      add({action: act, fact: fact, line: lineOf(act, sel, v), what: what, note: VERBS[act] + 'は ' + v});\n"
    "    });\n"
    "  }\n"
    "  function onChart(act, section, host) {\n"
    "    var title = section.dataset.chart, sel = ['chart=' + clean(title)], what = VERBS[act] + ' — ' + title;\n"
    "    if (act === 'dropchart') {\n"
    "      add({action: act, target: section, line: lineOf('drop', sel), what: what, note: 'この図を描かない'});\n"
    "      return;\n"
    "    }\n"
    "    edit(host, title, '新しい題', anything, function (v) {\n"
    "      add({action: act, target: section, line: lineOf('rename', sel, v), what: what, note: '題は ' + v});\n"
    "    });\n"
    "  }\n"
    "\n"
    "  document.addEventListener('click', function (e) {\n"
    "    var b = e.target.closest('button');\n"
    "    if (!b) return;\n"
    "    if (b.dataset.undo !== undefined) undo(+b.dataset.undo);\n"
    "    else if (b === download) save();\n"
    "    else if (b.dataset.act && b.closest('tr')) onRow(b.dataset.act, b.closest('tr'), b.parentNode);\n"
    "    else if (b.dataset.act) onChart(b.dataset.act, b.closest('section'), b.parentNode);\n"
    "  });\n"
    "  window.addEventListener('beforeunload', function (e) {\n"
    "    if (saved || !made.length) return;\n"
    "    e.preventDefault();\n"
    "    e.returnValue = '';\n"
    "  });\n"
    "  show();\n"
    "})();\n"
    "</script>\n<script>\n(function(){var imgs=document.images,ok=0,bad=0,n=imgs.length;\n"
    "function done(){document.body.setAttribute('data-images-loaded',ok);"
    "document.body.setAttribute('data-images-failed',bad);}\n"
    "for(var i=0;i<n;i++){var im=imgs[i];if(im.complete&&im.naturalWidth>0){ok++;continue;}\n"
    "im.addEventListener('load',function(){ok++;done();});"
    "im.addEventListener('error',function(){bad++;done();});}\ndone();})();\n</script>\n"
    "</body>\n</html>\n";

static zy_status html_escape(zy_buf *b, const char *s)
{
    zy_status st = ZY_OK;
    for (; s && *s && st == ZY_OK; s++) {
        switch (*s) {
        case '<': st = zy_buf_puts(b, "&lt;"); break;
        case '>': st = zy_buf_puts(b, "&gt;"); break;
        case '&': st = zy_buf_puts(b, "&amp;"); break;
        case '"': st = zy_buf_puts(b, "&quot;"); break;
        case '\'': st = zy_buf_puts(b, "&#39;"); break;
        default: st = zy_buf_putc(b, *s);
        }
    }
    return st;
}

/* ` name="value"`, escaped; nothing when value is NULL or empty. */
static zy_status data_attr(zy_buf *h, const char *name, const char *value)
{
    if (!value || !*value)
        return ZY_OK;
    zy_status st = zy_buf_printf(h, " data-%s=\"", name);
    if (st == ZY_OK) st = html_escape(h, value);
    if (st == ZY_OK) st = zy_buf_putc(h, '"');
    return st;
}

/* The selectors of the fact behind a row, as the corrections file names them: the article's
 * file name, the subject, measure, value (%.17g, so it reads back to the same double) and time. */
static zy_status row_selectors(zy_buf *h, const auto_fact *f)
{
    const char *slash = strrchr(f->doc, '/');
    char value[40] = "";
    if (f->has_value)
        snprintf(value, sizeof value, "%.17g", f->value);
    zy_status st = data_attr(h, "doc", slash ? slash + 1 : f->doc);
    if (st == ZY_OK) st = data_attr(h, "subject", f->subject);
    if (st == ZY_OK) st = data_attr(h, "measure", f->measure);
    if (st == ZY_OK) st = data_attr(h, "value", value);
    if (st == ZY_OK) st = data_attr(h, "time", f->time);
    if (st == ZY_OK && f->text) st = data_attr(h, "text", f->text); /* two equal figures of one article apart */
    return st;
}

/* The row's correction buttons. A row that adds up several facts (a country's total) has none
 * of its own: a correction names one fact, so it is made on the rows that were added up. When
 * the row's label is not its fact's subject (a country's total from one row, an event), the
 * cell says whose figure a correction changes. */
static zy_status row_controls(zy_buf *h, const auto_chart *c, const auto_row *row)
{
    if (!row->first)
        return zy_buf_puts(h, "<td class=\"fix\"></td>");
    if (row->nfacts > 1)
        return zy_buf_puts(h, "<td class=\"fix\"><span class=\"src\">合計の行: 元の行で直します</span></td>");
    zy_status st = zy_buf_puts(h, "<td class=\"fix\">"
                                  "<button type=\"button\" data-act=\"drop\" title=\"誤り: 図から外す\">誤り</button>"
                                  "<button type=\"button\" data-act=\"owner\" title=\"数値の主体（持ち主）を直す\">主体は…</button>");
    if (st == ZY_OK && c->type != AUTO_TIMELINE)
        st = zy_buf_puts(h, "<button type=\"button\" data-act=\"value\" title=\"数値を直す\">値は…</button>");
    if (st == ZY_OK)
        st = zy_buf_puts(h, "<button type=\"button\" data-act=\"time\" title=\"時点を直す\">時点は…</button>");
    const char *subject = row->first->subject;
    if (st == ZY_OK && subject && strcmp(subject, row->label) != 0) {
        st = zy_buf_puts(h, "<span class=\"who\">対象: ");
        if (st == ZY_OK) st = html_escape(h, subject);
        if (st == ZY_OK) st = zy_buf_puts(h, "</span>");
    }
    if (st == ZY_OK)
        st = zy_buf_puts(h, "<span class=\"note\"></span></td>");
    return st;
}

static zy_status gallery_row(zy_buf *h, const auto_chart *c, const auto_row *row)
{
    char value[128] = "";
    if (c->type != AUTO_TIMELINE)
        zy_format_number(value, sizeof value, row->value, ZY_NUMBER_JA, c->unit_label);
    zy_status st = zy_buf_puts(h, "<tr");
    if (st == ZY_OK && row->first) st = row_selectors(h, row->first);
    if (st == ZY_OK) st = zy_buf_puts(h, "><td>");
    if (st == ZY_OK) st = html_escape(h, row->label);
    if (st == ZY_OK) st = zy_buf_puts(h, "</td><td class=\"num\">");
    if (st == ZY_OK) st = html_escape(h, value);
    if (st == ZY_OK) st = zy_buf_puts(h, "</td><td>");
    if (st == ZY_OK) st = html_escape(h, row->time);
    if (st == ZY_OK) st = zy_buf_puts(h, "</td><td>");
    if (st == ZY_OK && row->first) {
        st = html_escape(h, row->first->sentence);
        if (st == ZY_OK) st = zy_buf_puts(h, "<div class=\"src\">");
        if (st == ZY_OK) st = html_escape(h, row->first->doc_title);
        if (st == ZY_OK) st = zy_buf_puts(h, " — ");
        if (st == ZY_OK) st = html_escape(h, row->first->doc);
        if (st == ZY_OK) st = zy_buf_puts(h, "</div>");
    }
    if (st == ZY_OK) st = zy_buf_puts(h, "</td>");
    if (st == ZY_OK) st = row_controls(h, c, row);
    if (st == ZY_OK) st = zy_buf_puts(h, "</tr>\n");
    return st;
}

/* The corrections file these charts were drawn with: shown in the panel, and kept at the top
 * of the file the page saves, so a second round of corrections adds to the first. */
static zy_status earlier_corrections(zy_context *ctx, zy_buf *h, const char *path)
{
    if (!path || strcmp(path, "-") == 0) /* stdin was read once, by the corrections reader */
        return ZY_OK;
    zy_buf text;
    zy_buf_init(&text, (size_t)16 << 20);
    zy_status st = zy_file_read(&ctx->diag, path, &text);
    size_t nlines = 0;
    for (const char *line = text.data; st == ZY_OK && line && *line;) {
        const char *end = strchr(line, '\n');
        nlines += *line != '#' && *line != '\n' && *line != '\r';
        line = end ? end + 1 : NULL;
    }
    const char *slash = strrchr(path, '/');
    if (st == ZY_OK) st = zy_buf_puts(h, "<details class=\"earlier\"><summary>この図に使った修正: ");
    if (st == ZY_OK) st = html_escape(h, slash ? slash + 1 : path);
    if (st == ZY_OK) st = zy_buf_printf(h, " の %zu 行（保存するファイルの先頭に入ります）</summary>", nlines);
    if (st == ZY_OK) st = zy_buf_puts(h, "<pre id=\"earlier\">\n"); /* the parser drops this first newline */
    if (st == ZY_OK) st = html_escape(h, text.data);
    if (st == ZY_OK) st = zy_buf_puts(h, "</pre></details>\n");
    zy_buf_free(&text);
    return st;
}

zy_status auto_gallery_begin(zy_context *ctx, zy_buf *html, const char *corrections)
{
    zy_status st = zy_buf_puts(html, html_head);
    if (st == ZY_OK) st = earlier_corrections(ctx, html, corrections);
    if (st == ZY_OK) st = zy_buf_puts(html, "</aside>\n");
    return st;
}

zy_status auto_gallery_section(zy_buf *h, const auto_chart *c, const char *image)
{
    /* The chart selector is the title as planned, which is what rename and drop chart= name.
     * With a rename applied (corrections branch), this must be c->planned_title when set. */
    zy_status st = zy_buf_puts(h, "<section");
    if (st == ZY_OK) st = data_attr(h, "chart", c->planned_title ? c->planned_title : c->title);
    if (st == ZY_OK) st = zy_buf_puts(h, ">\n<figure><img src=\"");
    if (st == ZY_OK) st = html_escape(h, image);
    if (st == ZY_OK) st = zy_buf_puts(h, "\" alt=\"");
    if (st == ZY_OK) st = html_escape(h, c->title);
    if (st == ZY_OK) st = zy_buf_puts(h, "\"><figcaption>");
    if (st == ZY_OK) st = html_escape(h, c->title);
    if (st == ZY_OK)
        st = zy_buf_puts(h, " <button type=\"button\" data-act=\"rename\" title=\"図の題を変える\">題を変える…</button>"
                            "<button type=\"button\" data-act=\"dropchart\" title=\"この図を描かない\">図ごと外す</button>"
                            "<span class=\"note\"></span></figcaption></figure>\n<table>\n"
                            "<tr><th>項目</th><th>値</th><th>時点</th><th>元の文（記事）</th><th>修正</th></tr>\n");
    for (size_t r = 0; st == ZY_OK && r < c->nrows; r++)
        st = gallery_row(h, c, &c->rows[r]);
    if (st == ZY_OK)
        st = zy_buf_puts(h, "</table>\n</section>\n");
    return st;
}

zy_status auto_gallery_end(zy_buf *html)
{
    return zy_buf_puts(html, html_tail);
}
