// Small renderers.
const dot = (status, title) => '<span class="dot st-' + status + '" title="' + esc(title || STATUS_TEXT[status]) + '"></span>';
function tagHtml(tag) {
  const url = D.tagLinks[tag];
  return url
    ? '<a class="tag linked" href="' + esc(url) + '" target="_blank" rel="noopener" title="Open ' + esc(url) + '">' + esc(tag) + '</a>'
    : '<span class="tag" data-tag="' + esc(tag) + '" title="Filter by ' + esc(tag) + '">' + esc(tag) + '</span>';
}
const tagsHtml = tags => tags && tags.length ? '<span class="tags">' + tags.map(tagHtml).join('') + '</span>' : '';
function trendHtml(c) {
  if (D.runs.length < 2) return '';
  return '<span class="trend" title="History, oldest first">' + [...c.history].map((ch, i) => {
    const s = LETTER[ch] || 'unknown', run = D.runs[i];
    const dur = c.historyDurations[i] != null ? ' · ' + fmtMs(c.historyDurations[i]) : '';
    return '<i class="' + (s === 'absent' ? 'absent' : 'st-' + s) + '" title="' + esc(run.label + ': ' + (s === 'absent' ? 'not in this run' : STATUS_TEXT[s]) + dur) + '"></i>';
  }).join('') + '</span>';
}
function tableHtml(rows, cls) {
  if (!rows || !rows.length) return '';
  return '<table class="datatable ' + (cls || '') + '"><thead><tr>' + rows[0].map(c => '<th>' + esc(c) + '</th>').join('') + '</tr></thead><tbody>' +
    rows.slice(1).map(r => '<tr>' + r.map(c => '<td>' + esc(c) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
}
const docStringHtml = d => d ? '<pre class="docstring"' + (d.mediaType ? ' title="' + esc(d.mediaType) + '"' : '') + '>' + esc(d.content) + '</pre>' : '';
// Only web, mail and relative links from run data; anything else (javascript:, data:) is shown as text.
const safeUrl = u => /^(https?:|mailto:|[^:]*$)/i.test(String(u || '').trim());
const stripAnsi = s => s.replace(/\u001b\[[0-9;]*m/g, '');
function decodeText(a) {
  if (!a.base64) return a.body || '';
  try { return new TextDecoder().decode(Uint8Array.from(atob(a.body || ''), ch => ch.charCodeAt(0))); } catch (e) { return a.body || ''; }
}
function attachmentHtml(a) {
  const mt = a.mediaType || 'application/octet-stream';
  const name = a.fileName ? esc(a.fileName) + ' · ' : '';
  let content;
  const link = u => safeUrl(u) ? '<a href="' + esc(u) + '" target="_blank" rel="noopener">' + esc(u) + '</a>' : '<code>' + esc(u) + '</code>';
  if (a.url) content = link(a.url);
  else if (mt === 'text/uri-list') content = decodeText(a).split(/\r?\n/).filter(u => u && !u.startsWith('#')).map(link).join('<br>');
  else if (mt.startsWith('image/') && a.base64) content = '<img alt="' + esc(a.fileName || 'attached image') + '" src="data:' + esc(mt) + ';base64,' + esc(a.body) + '">';
  else if (mt.startsWith('text/') || mt.includes('json') || mt.includes('xml')) {
    let text = stripAnsi(decodeText(a));
    if (mt.includes('json')) { try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* shown as is */ } }
    content = '<pre>' + esc(text) + '</pre>';
  } else {
    const href = 'data:' + mt + ';base64,' + (a.base64 ? a.body : btoa(unescape(encodeURIComponent(a.body || ''))));
    content = '<a download="' + esc(a.fileName || 'attachment') + '" href="' + esc(href) + '">Download ' + esc(a.fileName || mt) + '</a>';
  }
  const label = mt === 'text/x.cucumber.log+plain' ? 'log' : mt;
  return '<div class="attachment"><div class="att-head">' + name + esc(label) + '</div>' + content + '</div>';
}
const attachmentsHtml = list => list && list.length ? '<div class="attachments">' + list.map(attachmentHtml).join('') + '</div>' : '';

function stepHtml(s) {
  const hook = s.kind !== 'step';
  if (hook && s.status === 'passed' && !(s.attachments && s.attachments.length)) return '';
  const cls = ['step', 'st-' + s.status, hook ? 'hook' : '', s.fromBackground ? 'bg' : ''].join(' ');
  const text = hook ? esc(s.keyword + 'hook: ' + s.text) : '<span class="kw">' + esc(s.keyword) + '</span>' + esc(s.text);
  const errorCls = s.status === 'failed' || s.status === 'ambiguous' ? 'error' : 'error soft';
  const extra = docStringHtml(s.docString) + tableHtml(s.dataTable) + (s.error ? '<pre class="' + errorCls + '">' + esc(stripAnsi(s.error)) + '</pre>' : '') + attachmentsHtml(s.attachments);
  return '<li class="' + cls + '"><span class="icon" title="' + STATUS_TEXT[s.status] + '"></span><span class="text">' + text + '</span>' +
    '<span class="dur">' + fmtMs(s.durationMs) + '</span>' + (extra ? '<div class="extra">' + extra + '</div>' : '') + '</li>';
}
function caseBodyHtml(c) {
  const run = c.attempts > 0 ? '' : '<div class="history-row">Not run' + (D.runs.length ? ' in any of the ' + D.runs.length + ' run(s)' : ' (specification only)') + '</div>';
  const history = D.runs.length > 1 ? '<div class="history-row">History: ' + trendHtml(c) + ' ' +
    [...c.history].filter(h => h !== '-').length + ' of ' + D.runs.length + ' runs' + (c.attempts > 1 ? ' · ' + c.attempts + ' attempts in its latest run' : '') + '</div>' : '';
  const llm = c.llm ? '<div class="history-row">LLM usage: ' + esc(llmText(c.llm)) + ' · ' + c.llm.calls + ' call(s)' + (c.llm.models.length ? ' · ' + esc(c.llm.models.join(', ')) : '') + '</div>' : '';
  return reviewBodyHtml(c) + run + history + llm + '<ol class="steps">' + c.steps.map(stepHtml).join('') + '</ol>' + attachmentsHtml(c.attachments) +
    '<div class="history-row link-row"><a href="#" data-link="' + esc(c.id) + '">Link to this scenario</a> · ' + esc(c.id) + '</div>';
}
function caseHtml(c, keyword, descriptionHtml) {
  const open = state.open === c.id;
  const labels = c.labels.map(l => '<span class="label label-' + l + '">' + l + '</span>').join('');
  const featureTags = new Set((featureById.get(c.featureId) || { tags: [] }).tags);
  return '<article class="case st-' + c.status + (open ? ' open' : '') + '" data-case="' + esc(c.id) + '">' +
    '<div class="case-head" role="button" tabindex="0" aria-expanded="' + open + '">' +
    '<span class="badge st-' + c.status + '">' + STATUS_TEXT[c.status] + '</span>' +
    '<span class="case-name"><span class="kw">' + esc(keyword || 'Scenario') + ':</span> ' + esc(c.name) + '</span>' + reviewMarkHtml(c) + labels +
    tagsHtml(c.tags.filter(t => !featureTags.has(t))) +
    '<span class="meta">' + (c.llm ? '<span class="llm" title="LLM usage">' + esc(llmText(c.llm)) + '</span>' : '') +
    (c.durationMs != null ? '<span>' + fmtMs(c.durationMs) + '</span>' : '') + trendHtml(c) + '</span></div>' +
    (descriptionHtml ? '<div class="case-desc markdown">' + descriptionHtml + '</div>' : '') +
    '<div class="case-body"' + (open ? '' : ' hidden') + '>' + (open ? caseBodyHtml(c) : '') + '</div></article>';
}
function summaryBar(cases) {
  const n = cases.length; if (!n) return '';
  const counts = countBy(cases);
  const segs = STATUSES.filter(s => counts[s]).map(s => '<span class="seg st-' + s + '" style="width:' + (100 * counts[s] / n) + '%" title="' + counts[s] + ' ' + STATUS_TEXT[s] + '"></span>').join('');
  const text = STATUSES.filter(s => counts[s]).map(s => counts[s] + ' ' + STATUS_TEXT[s].toLowerCase()).join(' · ');
  return '<div><div class="summary-bar">' + segs + '</div><div class="summary-text">' + text + '</div></div>';
}
function countBy(cases) { const r = {}; for (const s of STATUSES) r[s] = 0; for (const c of cases) r[c.status]++; return r; }
