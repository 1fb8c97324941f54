(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('living-doc-data').textContent);
  const STATUSES = ['passed', 'failed', 'pending', 'undefined', 'ambiguous', 'skipped', 'unknown', 'notrun'];
  const STATUS_TEXT = { passed: 'Passed', failed: 'Failed', pending: 'Pending', undefined: 'Undefined', ambiguous: 'Ambiguous', skipped: 'Skipped', unknown: 'Unknown', notrun: 'Not run' };
  const LABELS = ['new', 'fixed', 'regressed', 'flaky'];
  const LETTER = { P: 'passed', F: 'failed', N: 'pending', U: 'undefined', A: 'ambiguous', S: 'skipped', '?': 'unknown', '-': 'absent' };
  const TIERS = new Set(D.tiers || []);
  const $ = (sel, root) => (root || document).querySelector(sel);
  const esc = s => String(s == null ? '' : s).replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
  const featureById = new Map(D.features.map(f => [f.id, f]));
  const caseById = new Map(D.cases.map(c => [c.id, c]));
  for (const c of D.cases) {
    const f = featureById.get(c.featureId);
    c._tags = new Set(c.tags.map(t => t.toLowerCase()));
    c._text = [c.name, f ? f.name : '', c.rule || '', c.tags.join(' '), ...c.steps.map(s => s.keyword + s.text)].join('\n').toLowerCase();
  }
  const latestRun = D.runs.length ? D.runs[D.runs.length - 1] : null;

  // ---------- duration and number formatting ----------
  function fmtMs(ms) {
    if (ms == null) return '';
    if (ms < 1) return '<1 ms';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
    const m = Math.floor(ms / 60000), s = Math.round((ms % 60000) / 1000);
    return m + ' min ' + s + ' s';
  }
  const fmtInt = n => Number(n || 0).toLocaleString('en-US');
  const fmtCost = c => c == null ? '' : '$' + (c < 0.01 ? Number(c).toFixed(4) : Number(c).toFixed(2));
  const llmText = u => u ? fmtInt(u.inputTokens) + ' in / ' + fmtInt(u.outputTokens) + ' out tokens' + (u.costUsd != null ? ' · ' + fmtCost(u.costUsd) : '') : '';

  // ---------- tag expressions (Cucumber syntax: not, and, or, parentheses; backslash escapes) ----------
  function tokenize(src) {
    const out = []; let cur = '';
    for (let i = 0; i < src.length; i++) {
      const ch = src[i];
      if (ch === '\\') { cur += src[++i] || ''; continue; }
      if (ch === '(' || ch === ')') { if (cur) { out.push(cur); cur = ''; } out.push(ch); continue; }
      if (/\s/.test(ch)) { if (cur) { out.push(cur); cur = ''; } continue; }
      cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  }
  function parseTagExpression(src) {
    const t = tokenize(src); let i = 0;
    if (!t.length) return null;
    const peek = () => t[i], next = () => t[i++];
    function or() { let l = and(); while (peek() === 'or') { next(); const a = l, r = and(); l = x => a(x) || r(x); } return l; }
    function and() { let l = not(); while (peek() === 'and') { next(); const a = l, r = not(); l = x => a(x) && r(x); } return l; }
    function not() {
      const tok = next();
      if (tok === undefined) throw new Error('the expression ends too early');
      if (tok === 'not') { const e = not(); return x => !e(x); }
      if (tok === '(') { const e = or(); if (next() !== ')') throw new Error('a "(" is not closed'); return e; }
      if (tok === ')' || tok === 'and' || tok === 'or') throw new Error('unexpected "' + tok + '"');
      const name = (tok[0] === '@' ? tok : '@' + tok).toLowerCase();
      return x => x.has(name);
    }
    const e = or();
    if (i < t.length) throw new Error('unexpected "' + t[i] + '"');
    return e;
  }
  window.kaizenTagExpression = parseTagExpression;

  // ---------- state in the URL hash (deep links keep filters) ----------
  const state = { view: 'features', q: '', tags: '', st: [], lb: [], f: '', open: '' };
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.view = p.get('view') || 'features';
    state.q = p.get('q') || '';
    state.tags = p.get('tags') || '';
    state.st = (p.get('status') || '').split(',').filter(s => STATUSES.includes(s));
    state.lb = (p.get('label') || '').split(',').filter(s => LABELS.includes(s));
    state.f = p.get('feature') || '';
    state.open = p.get('open') || '';
  }
  function writeHash() {
    const p = new URLSearchParams();
    if (state.view !== 'features') p.set('view', state.view);
    if (state.q) p.set('q', state.q);
    if (state.tags) p.set('tags', state.tags);
    if (state.st.length) p.set('status', state.st.join(','));
    if (state.lb.length) p.set('label', state.lb.join(','));
    if (state.f) p.set('feature', state.f);
    if (state.open) p.set('open', state.open);
    const hash = p.toString();
    history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  }

  // ---------- filtering ----------
  let tagFilter = null;
  function compileTags() {
    const input = $('#tag-expression'), err = $('#tag-error');
    try { tagFilter = parseTagExpression(state.tags); input.classList.remove('invalid'); err.textContent = ''; }
    catch (e) { tagFilter = null; input.classList.add('invalid'); err.textContent = 'Tag expression: ' + e.message; }
  }
  const inFeature = c => !state.f || (state.f.endsWith('/') ? c.featureId.startsWith(state.f) : c.featureId === state.f);
  function matches(c, opts) {
    opts = opts || {};
    if (!opts.ignoreFeature && !inFeature(c)) return false;
    if (state.q) { for (const word of state.q.toLowerCase().split(/\s+/).filter(Boolean)) if (!c._text.includes(word)) return false; }
    if (tagFilter && !tagFilter(c._tags)) return false;
    if (!opts.ignoreStatus && state.st.length && !state.st.includes(c.status)) return false;
    if (!opts.ignoreLabels && state.lb.length && !state.lb.some(l => c.labels.includes(l))) return false;
    return true;
  }
  const visibleCases = () => D.cases.filter(c => matches(c));

  // ---------- small renderers ----------
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
    return run + history + llm + '<ol class="steps">' + c.steps.map(stepHtml).join('') + '</ol>' + attachmentsHtml(c.attachments) +
      '<div class="history-row link-row"><a href="#" data-link="' + esc(c.id) + '">Link to this scenario</a> · ' + esc(c.id) + '</div>';
  }
  function caseHtml(c, keyword, descriptionHtml) {
    const open = state.open === c.id;
    const labels = c.labels.map(l => '<span class="label label-' + l + '">' + l + '</span>').join('');
    const featureTags = new Set((featureById.get(c.featureId) || { tags: [] }).tags);
    return '<article class="case st-' + c.status + (open ? ' open' : '') + '" data-case="' + esc(c.id) + '">' +
      '<div class="case-head" role="button" tabindex="0" aria-expanded="' + open + '">' +
      '<span class="badge st-' + c.status + '">' + STATUS_TEXT[c.status] + '</span>' +
      '<span class="case-name"><span class="kw">' + esc(keyword || 'Scenario') + ':</span> ' + esc(c.name) + '</span>' + labels +
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

  // ---------- features view ----------
  function itemHtml(item, visible) {
    const desc = item.descriptionHtml ? '<div class="markdown">' + item.descriptionHtml + '</div>' : '';
    const steps = list => '<ol class="steps">' + list.map(s => '<li class="step st-notrun"><span class="icon" style="visibility:hidden"></span><span class="text"><span class="kw">' + esc(s.keyword) + '</span>' + esc(s.text) + '</span><span></span>' +
      ((s.docString || s.dataTable) ? '<div class="extra">' + docStringHtml(s.docString) + tableHtml(s.dataTable) + '</div>' : '') + '</li>').join('') + '</ol>';
    if (item.kind === 'background') {
      return '<div class="block background"><h4><span class="kw">' + esc(item.keyword) + ':</span> ' + esc(item.name) + '</h4>' + desc + steps(item.steps) + '</div>';
    }
    if (item.kind === 'rule') {
      const inner = item.children.map(ch => itemHtml(ch, visible)).join('');
      if (!item.caseIds.some(id => visible.has(id)) && hasFilters()) return '';
      return '<div class="block rule"><h3><span class="kw">' + esc(item.keyword) + ':</span> ' + esc(item.name) + ' ' + tagsHtml(item.tags) + '</h3>' + desc + inner + '</div>';
    }
    const shown = item.caseIds.filter(id => visible.has(id)).map(id => caseById.get(id));
    if (!shown.length) return '';
    if (item.kind === 'scenario') return caseHtml(shown[0], item.keyword, item.descriptionHtml);
    const examples = item.examples.map(ex => '<div><strong>' + esc(ex.keyword) + ':</strong> ' + esc(ex.name) + ' ' + tagsHtml(ex.tags) +
      '<table class="datatable examples"><thead><tr><th></th>' + ex.header.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
      ex.rows.map(r => { const c = r.caseId && caseById.get(r.caseId); const st = c ? c.status : 'notrun';
        return '<tr class="clickable" data-open="' + esc(r.caseId || '') + '"><td class="st">' + dot(st) + '</td>' + r.cells.map(v => '<td>' + esc(v) + '</td>').join('') + '</tr>'; }).join('') +
      '</tbody></table></div>').join('');
    return '<div class="block outline"><h4><span class="kw">' + esc(item.keyword) + ':</span> ' + esc(item.name) + ' ' + tagsHtml(item.tags) + '</h4>' + desc +
      steps(item.steps) + examples + shown.map(c => caseHtml(c, 'Example')).join('') + '</div>';
  }
  const hasFilters = () => !!(state.q || tagFilter || state.st.length || state.lb.length);
  function featuresView(main) {
    const visible = new Set(visibleCases().map(c => c.id));
    const parts = [];
    for (const f of D.features) {
      if (state.f && !(state.f.endsWith('/') ? f.id.startsWith(state.f) : f.id === state.f)) continue;
      const fCases = D.cases.filter(c => c.featureId === f.id);
      const fVisible = fCases.filter(c => visible.has(c.id));
      if (!fVisible.length && (hasFilters() || fCases.length)) continue;
      parts.push('<section class="feature" id="feature-' + esc(f.id) + '"><div class="feature-head"><div><div class="path">' + esc(f.path) + '</div>' +
        '<h2><span class="kw">' + esc(f.keyword) + ':</span> ' + esc(f.name) + '</h2>' + tagsHtml(f.tags) + '</div>' + summaryBar(fCases) + '</div>' +
        (f.descriptionHtml ? '<div class="markdown">' + f.descriptionHtml + '</div>' : '') + f.items.map(i => itemHtml(i, visible)).join('') + '</section>');
    }
    const n = visible.size;
    main.innerHTML = diagnosticsHtml() + '<div class="toolbar"><h2>' + esc(state.f ? state.f : 'All features') +
      ' <span class="visible-count" id="visible-count" data-count="' + n + '">' + n + ' scenario' + (n === 1 ? '' : 's') + '</span></h2>' +
      '<div class="actions"><button class="btn" id="expand-all">Expand all</button><button class="btn" id="collapse-all">Collapse all</button><button class="btn" id="print">Print</button></div></div>' +
      (parts.length ? parts.join('') : '<div class="notice">No scenario matches these filters.</div>');
    if (state.open) {
      const el = main.querySelector('[data-case="' + CSS.escape(state.open) + '"]');
      if (el) requestAnimationFrame(() => el.scrollIntoView({ block: 'start' }));
    }
  }
  function diagnosticsHtml() {
    const runErrors = latestRun && latestRun.errors.length
      ? '<div class="run-errors" role="alert"><strong>The latest run reported errors outside any scenario:</strong><pre class="error">' + esc(latestRun.errors.map(stripAnsi).join('\n\n')) + '</pre></div>' : '';
    return runErrors + inputProblemsHtml();
  }
  function inputProblemsHtml() {
    if (!D.diagnostics.length) return '';
    return '<details class="diag"><summary>' + D.diagnostics.length + ' input problem(s) while generating this page</summary><ul>' +
      D.diagnostics.map(d => '<li>' + esc(d) + '</li>').join('') + '</ul></details>';
  }

  // ---------- analytics (inline SVG) ----------
  function stackedBars(rows, title) {
    if (!rows.length) return '<div class="panel"><h3>' + esc(title) + '</h3><p class="kw">No data.</p></div>';
    const labelW = 120, barW = 270, rowH = 24, h = rows.length * rowH + 4, max = Math.max(...rows.map(r => r.total));
    let y = 2, svg = '';
    for (const r of rows) {
      svg += '<text x="0" y="' + (y + 15) + '">' + esc(r.label.length > 18 ? r.label.slice(0, 17) + '…' : r.label) + '</text>';
      let x = labelW;
      for (const s of STATUSES) {
        const n = r.counts[s]; if (!n) continue;
        const w = barW * n / max;
        svg += '<rect x="' + x + '" y="' + (y + 3) + '" width="' + w + '" height="' + (rowH - 8) + '" style="fill:var(--' + s + ')"><title>' + esc(r.label + ': ' + n + ' ' + STATUS_TEXT[s]) + '</title></rect>';
        x += w;
      }
      svg += '<text class="muted" x="' + (x + 6) + '" y="' + (y + 15) + '">' + r.total + '</text>';
      y += rowH;
    }
    return '<div class="panel"><h3>' + esc(title) + '</h3><svg viewBox="0 0 ' + (labelW + barW + 40) + ' ' + h + '" role="img" aria-label="' + esc(title) + '">' + svg + '</svg></div>';
  }
  function valueBars(rows, title, fmt, color) {
    if (!rows.length) return '<div class="panel"><h3>' + esc(title) + '</h3><p class="kw">No data.</p></div>';
    const labelW = 200, barW = 160, rowH = 24, h = rows.length * rowH + 4, max = Math.max(...rows.map(r => r.value)) || 1;
    let y = 2, svg = '';
    for (const r of rows) {
      const w = Math.max(1, barW * r.value / max);
      svg += '<text x="0" y="' + (y + 15) + '">' + esc(r.label.length > 32 ? r.label.slice(0, 31) + '…' : r.label) + '<title>' + esc(r.label) + '</title></text>' +
        '<rect x="' + labelW + '" y="' + (y + 3) + '" width="' + w + '" height="' + (rowH - 8) + '" rx="2" style="fill:' + (r.color || color) + '"></rect>' +
        '<text class="muted" x="' + (labelW + w + 6) + '" y="' + (y + 15) + '">' + esc(fmt(r.value)) + '</text>';
      y += rowH;
    }
    return '<div class="panel"><h3>' + esc(title) + '</h3><svg viewBox="0 0 ' + (labelW + barW + 70) + ' ' + h + '" role="img" aria-label="' + esc(title) + '">' + svg + '</svg></div>';
  }
  function runTrend() {
    if (!D.runs.length) return '<div class="panel"><h3>Run history</h3><p>No runs recorded: this is the specification only.</p></div>';
    const w = 440, h = 170, pad = 10, n = D.runs.length, colW = Math.min(48, (w - pad) / n - 6);
    const totals = D.runs.map(r => STATUSES.reduce((a, s) => a + (r.counts[s] || 0), 0));
    const max = Math.max(1, ...totals);
    let svg = '<line x1="' + pad + '" y1="' + (h - 20) + '" x2="' + w + '" y2="' + (h - 20) + '" stroke="#cfd6e0"/>';
    D.runs.forEach((r, i) => {
      const x = pad + i * ((w - pad) / n) + 3; let y = h - 20;
      for (const s of STATUSES) {
        const c = r.counts[s] || 0; if (!c) continue;
        const bh = (h - 40) * c / max; y -= bh;
        svg += '<rect x="' + x + '" y="' + y + '" width="' + colW + '" height="' + bh + '" style="fill:var(--' + s + ')"><title>' + esc(r.label + ': ' + c + ' ' + STATUS_TEXT[s]) + '</title></rect>';
      }
      svg += '<text class="muted" x="' + (x + colW / 2) + '" y="' + (h - 6) + '" text-anchor="middle">' + (i + 1) + '</text>';
      svg += '<text class="muted" x="' + (x + colW / 2) + '" y="' + (y - 4) + '" text-anchor="middle">' + totals[i] + '</text>';
    });
    const rows = D.runs.map((r, i) => '<tr><td>' + (i + 1) + '</td><td>' + esc(r.label) + (r.complete ? '' : ' <span class="label label-flaky">incomplete</span>') + '</td><td class="num">' + (r.counts.passed || 0) + '</td><td class="num">' +
      ((r.counts.failed || 0) + (r.counts.ambiguous || 0) + (r.counts.undefined || 0) + (r.counts.pending || 0)) + '</td><td class="num">' + fmtMs(r.durationMs) + '</td><td>' + esc(r.implementation || '') + '</td></tr>').reverse().join('');
    return '<div class="panel"><h3>Run history (' + n + ' run' + (n === 1 ? '' : 's') + ', oldest first)</h3><svg viewBox="0 0 ' + w + ' ' + h + '" role="img" aria-label="Run history">' + svg + '</svg>' +
      '<table class="list"><thead><tr><th>#</th><th>Run</th><th>Passed</th><th>Not passing</th><th>Duration</th><th>Runner</th></tr></thead><tbody>' + rows + '</tbody></table></div>';
  }
  function analyticsView(main) {
    const cases = visibleCases();
    const counts = countBy(cases);
    const ran = cases.filter(c => c.status !== 'notrun');
    const passRate = ran.length ? Math.round(100 * counts.passed / ran.length) + '%' : '–';
    const total = cases.reduce((a, c) => a + (c.durationMs || 0), 0);
    const llm = cases.filter(c => c.llm).map(c => c.llm);
    const tokens = llm.reduce((a, u) => a + u.inputTokens + u.outputTokens, 0), cost = llm.reduce((a, u) => a + (u.costUsd || 0), 0);
    const kpi = (v, k) => '<div class="kpi"><div class="v">' + esc(v) + '</div><div class="k">' + esc(k) + '</div></div>';
    const groupRows = pred => {
      const map = new Map();
      for (const c of cases) for (const t of c.tags) if (pred(t)) { if (!map.has(t)) map.set(t, []); map.get(t).push(c); }
      return [...map.entries()].map(([label, cs]) => ({ label, counts: countBy(cs), total: cs.length })).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
    };
    const category = groupRows(t => !TIERS.has(t) && !D.tagLinks[t]);
    const tiers = groupRows(t => TIERS.has(t));
    const slowest = ran.filter(c => c.durationMs != null).sort((a, b) => b.durationMs - a.durationMs).slice(0, 10)
      .map(c => ({ label: c.name, value: c.durationMs, color: 'var(--' + c.status + ')' }));
    const byFeature = D.features.map(f => ({ label: f.name, value: cases.filter(c => c.featureId === f.id).reduce((a, c) => a + (c.durationMs || 0), 0) }))
      .filter(r => r.value > 0).sort((a, b) => b.value - a.value).slice(0, 12);
    const costly = cases.filter(c => c.llm).sort((a, b) => ((b.llm.costUsd || 0) - (a.llm.costUsd || 0)) || (b.llm.inputTokens + b.llm.outputTokens - a.llm.inputTokens - a.llm.outputTokens))
      .slice(0, 10).map(c => ({ label: c.name, value: c.llm.inputTokens + c.llm.outputTokens }));
    const labelled = LABELS.map(l => ({ l, cs: cases.filter(c => c.labels.includes(l)) })).filter(x => x.cs.length);
    const legend = '<div class="legend">' + STATUSES.filter(s => counts[s]).map(s => '<span>' + dot(s) + STATUS_TEXT[s] + ' ' + counts[s] + '</span>').join('') + '</div>';
    main.innerHTML = diagnosticsHtml() + '<div class="toolbar"><h2>Analytics <span class="visible-count" id="visible-count" data-count="' + cases.length + '">' + cases.length + ' scenarios</span></h2></div>' +
      '<div class="kpis">' + kpi(fmtInt(cases.length), 'Scenarios') + kpi(passRate, 'Pass rate') + kpi(fmtInt(counts.failed + counts.ambiguous + counts.undefined + counts.pending), 'Not passing') +
      kpi(fmtMs(total) || '–', 'Total duration') + (llm.length ? kpi(fmtInt(tokens), 'LLM tokens') + kpi(fmtCost(cost) || '$0', 'LLM cost') : '') + '</div>' + legend +
      '<div class="grid">' + stackedBars(category, 'Status by category tag') + stackedBars(tiers, 'Status by tier (@core, @slow, @long-running)') + runTrend() +
      valueBars(slowest, 'Slowest scenarios (latest run)', fmtMs, 'var(--accent)') + valueBars(byFeature, 'Duration by feature', fmtMs, '#5b7fc0') +
      (costly.length ? valueBars(costly, 'LLM tokens by scenario', fmtInt, '#7e57c2') : '') +
      '<div class="panel"><h3>History labels</h3>' + (labelled.length ? '<table class="list"><tbody>' + labelled.map(x => '<tr><td><span class="label label-' + x.l + '">' + x.l + '</span></td><td>' +
        x.cs.slice(0, 12).map(c => '<a href="#" data-goto="' + esc(c.id) + '">' + esc(c.name) + '</a>').join('<br>') + (x.cs.length > 12 ? '<br>… ' + (x.cs.length - 12) + ' more' : '') + '</td></tr>').join('') + '</tbody></table>'
        : '<p>' + (D.runs.length > 1 ? 'No new, fixed, regressed or flaky scenarios.' : 'History labels need at least two runs.') + '</p>') + '</div></div>';
  }

  // ---------- step definitions view ----------
  function stepsView(main) {
    const defs = D.stepDefinitions, unused = defs.filter(d => d.uses === 0);
    main.innerHTML = diagnosticsHtml() + '<div class="toolbar"><h2>Step definitions <span class="visible-count">' + defs.length + ' defined, ' + unused.length + ' never used</span></h2></div>' +
      (defs.length ? '<div class="panel"><table class="list"><thead><tr><th>Pattern</th><th>Kind</th><th>Source</th><th>Uses</th></tr></thead><tbody>' +
        defs.map(d => '<tr class="' + (d.uses ? '' : 'unused') + '"><td><code>' + esc(d.pattern) + '</code></td><td>' + esc(d.type) + '</td><td><code>' + esc(d.source || '') + '</code></td><td class="num">' +
          (d.uses ? d.uses : '<span class="label label-flaky">unused</span>') + '</td></tr>').join('') + '</tbody></table></div>'
        : '<div class="notice">The runs recorded no step definitions' + (D.runs.length ? '' : ' (no run given: specification only)') + '.</div>');
  }

  // ---------- sidebar ----------
  function renderSidebar() {
    const base = D.cases.filter(c => matches(c, { ignoreStatus: true, ignoreLabels: true }));
    const counts = countBy(base);
    $('#status-filters').innerHTML = STATUSES.filter(s => counts[s] || state.st.includes(s)).map(s =>
      '<button class="chip' + (state.st.includes(s) ? ' on' : '') + (counts[s] ? '' : ' zero') + '" data-status="' + s + '" aria-pressed="' + state.st.includes(s) + '">' + dot(s) + STATUS_TEXT[s] + ' <span class="n">' + counts[s] + '</span></button>').join('');
    const labelCounts = {}; for (const l of LABELS) labelCounts[l] = base.filter(c => c.labels.includes(l)).length;
    $('#label-filters').innerHTML = D.runs.length > 1 ? LABELS.map(l =>
      '<button class="chip' + (state.lb.includes(l) ? ' on' : '') + (labelCounts[l] ? '' : ' zero') + '" data-label="' + l + '" aria-pressed="' + state.lb.includes(l) + '"><span class="label label-' + l + '">' + l + '</span><span class="n">' + labelCounts[l] + '</span></button>').join('') : '';
    renderTree();
  }
  const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
  function renderTree() {
    const root = { dirs: new Map(), files: [] };
    for (const f of D.features) {
      const parts = f.path.split('/'); let node = root;
      for (const p of parts.slice(0, -1)) { if (!node.dirs.has(p)) node.dirs.set(p, { dirs: new Map(), files: [] }); node = node.dirs.get(p); }
      node.files.push(f);
    }
    const visible = D.cases.filter(c => matches(c, { ignoreFeature: true }));
    const byFeature = new Map(); for (const c of visible) { if (!byFeature.has(c.featureId)) byFeature.set(c.featureId, []); byFeature.get(c.featureId).push(c); }
    const worst = cs => { const order = ['failed', 'ambiguous', 'undefined', 'pending', 'unknown', 'skipped', 'passed', 'notrun']; for (const s of order) if (cs.some(c => c.status === s)) return s; return 'notrun'; };
    function walk(node, prefix) {
      let html = '', all = [];
      for (const [name, child] of [...node.dirs.entries()].sort((a, b) => natural(a[0], b[0]))) {
        const sub = walk(child, prefix + name + '/'); all = all.concat(sub.cases);
        const sel = state.f === prefix + name + '/' ? ' sel' : '';
        html += '<details open><summary class="' + sel + (sub.cases.length ? '' : ' empty') + '" data-feature="' + esc(prefix + name + '/') + '">' + dot(worst(sub.cases)) + '<span class="name">' + esc(name) + '</span><span class="count">' + sub.cases.length + '</span></summary><div class="children">' + sub.html + '</div></details>';
      }
      for (const f of node.files.sort((a, b) => natural(a.name, b.name))) {
        const cs = byFeature.get(f.id) || []; all = all.concat(cs);
        html += '<a href="#" class="node' + (state.f === f.id ? ' sel' : '') + (cs.length ? '' : ' empty') + '" data-feature="' + esc(f.id) + '" title="' + esc(f.path) + '">' + dot(worst(cs)) + '<span class="name">' + esc(f.name) + '</span><span class="count">' + cs.length + '</span></a>';
      }
      return { html, cases: all };
    }
    $('#tree').innerHTML = walk(root, '').html || '<p class="kw">No feature files.</p>';
  }
  function renderHeader() {
    const meta = $('#run-meta');
    if (!latestRun) meta.innerHTML = 'Specification only: no run given, every scenario is shown as <strong>not run</strong>';
    else {
      const c = latestRun.counts, bad = (c.failed || 0) + (c.ambiguous || 0) + (c.undefined || 0) + (c.pending || 0);
      meta.innerHTML = 'Latest run ' + esc(latestRun.label) + (latestRun.implementation ? ' · ' + esc(latestRun.implementation) : '') + ' · ' + fmtMs(latestRun.durationMs) +
        ' · ' + D.runs.length + ' run' + (D.runs.length === 1 ? '' : 's') + ' of history' +
        '<span class="pill" style="background:var(--passed)">' + (c.passed || 0) + ' passed</span>' +
        (bad ? '<span class="pill" style="background:var(--failed)">' + bad + ' not passing</span>' : '') +
        (c.skipped ? '<span class="pill" style="background:var(--skipped)">' + c.skipped + ' skipped</span>' : '') +
        (latestRun.llm ? ' · LLM ' + esc(llmText(latestRun.llm)) : '');
    }
    $('#generated-at').textContent = 'on ' + new Date(D.generatedAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    document.querySelectorAll('.tab').forEach(t => t.classList.toggle('active', t.dataset.view === state.view));
  }

  function render() {
    compileTags();
    renderHeader();
    renderSidebar();
    const main = $('#main');
    if (state.view === 'analytics') analyticsView(main);
    else if (state.view === 'steps') stepsView(main);
    else featuresView(main);
    writeHash();
  }

  // ---------- interaction ----------
  function toggleCase(article, forceOpen) {
    const body = article.querySelector('.case-body'), c = caseById.get(article.dataset.case);
    const open = forceOpen != null ? forceOpen : body.hidden;
    if (open && !body.innerHTML) body.innerHTML = caseBodyHtml(c);
    body.hidden = !open;
    article.classList.toggle('open', open);
    article.querySelector('.case-head').setAttribute('aria-expanded', open);
    return open;
  }
  document.addEventListener('click', e => {
    const t = e.target;
    const tab = t.closest('[data-view]');
    if (tab) { e.preventDefault(); state.view = tab.dataset.view; state.open = ''; render(); window.scrollTo(0, 0); return; }
    const st = t.closest('[data-status]');
    if (st) { const s = st.dataset.status; state.st = state.st.includes(s) ? state.st.filter(x => x !== s) : [...state.st, s]; render(); return; }
    const lb = t.closest('[data-label]');
    if (lb) { const l = lb.dataset.label; state.lb = state.lb.includes(l) ? state.lb.filter(x => x !== l) : [...state.lb, l]; render(); return; }
    const tag = t.closest('.tag[data-tag]');
    if (tag) { e.preventDefault(); e.stopPropagation(); state.tags = tag.dataset.tag; $('#tag-expression').value = state.tags; if (state.view === 'steps') state.view = 'features'; render(); return; }
    if (t.closest('.tag.linked')) { e.stopPropagation(); return; }
    const fe = t.closest('[data-feature]');
    if (fe) { e.preventDefault(); state.f = state.f === fe.dataset.feature && fe.tagName === 'SUMMARY' ? '' : fe.dataset.feature; if (state.view === 'steps') state.view = 'features'; state.open = ''; render(); window.scrollTo(0, 0); return; }
    if (t.id === 'all-features') { e.preventDefault(); state.f = ''; render(); return; }
    const go = t.closest('[data-goto]');
    if (go) { e.preventDefault(); state.view = 'features'; state.open = go.dataset.goto; render(); return; }
    const link = t.closest('[data-link]');
    if (link) { e.preventDefault(); state.open = link.dataset.link; writeHash(); navigator.clipboard && navigator.clipboard.writeText(location.href).catch(() => {}); return; }
    const row = t.closest('tr[data-open]');
    if (row && row.dataset.open) { const a = document.querySelector('[data-case="' + CSS.escape(row.dataset.open) + '"]'); if (a) { toggleCase(a, true); state.open = row.dataset.open; writeHash(); a.scrollIntoView({ block: 'nearest' }); } return; }
    if (t.id === 'expand-all' || t.id === 'collapse-all') { document.querySelectorAll('.case').forEach(a => toggleCase(a, t.id === 'expand-all')); return; }
    if (t.id === 'print') { window.print(); return; }
    const head = t.closest('.case-head');
    if (head && !t.closest('a')) { const a = head.parentElement; const open = toggleCase(a); state.open = open ? a.dataset.case : ''; writeHash(); }
  });
  document.addEventListener('keydown', e => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.classList && e.target.classList.contains('case-head')) { e.preventDefault(); e.target.click(); }
  });
  let timer = 0;
  $('#search').addEventListener('input', e => { clearTimeout(timer); timer = setTimeout(() => { state.q = e.target.value.trim(); render(); }, 120); });
  $('#tag-expression').addEventListener('input', e => { clearTimeout(timer); timer = setTimeout(() => { state.tags = e.target.value.trim(); render(); }, 120); });
  window.addEventListener('hashchange', () => { readHash(); syncInputs(); render(); });
  // Printing shows every scenario expanded (beforeprint for the print dialog, the media query for print emulation).
  const expandForPrint = () => document.querySelectorAll('.case').forEach(a => toggleCase(a, true));
  window.addEventListener('beforeprint', expandForPrint);
  window.matchMedia('print').addEventListener('change', e => { if (e.matches) expandForPrint(); });
  function syncInputs() { $('#search').value = state.q; $('#tag-expression').value = state.tags; }

  readHash();
  syncInputs();
  render();
  document.body.dataset.ready = 'true';
})();
