// Features view.
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
const hasFilters = () => !!(state.q || tagFilter || state.st.length || state.lb.length || (REVIEW && state.rv.length));
function featuresView(main) {
  const visible = new Set(visibleCases().map(c => c.id));
  const parts = [];
  for (const f of D.features) {
    if (state.f && !(state.f.endsWith('/') ? f.id.startsWith(state.f) : f.id === state.f)) continue;
    const fCases = D.cases.filter(c => c.featureId === f.id);
    const fVisible = fCases.filter(c => visible.has(c.id));
    if (!fVisible.length && (hasFilters() || fCases.length)) continue;
    parts.push('<section class="feature" id="feature-' + esc(f.id) + '"><div class="feature-head"><div><div class="path">' + esc(f.path) + '</div>' +
      '<h2><span class="kw">' + esc(f.keyword) + ':</span> ' + esc(f.name) + '</h2>' + tagsHtml(f.tags) + featureReviewHtml(fCases) + '</div>' + summaryBar(fCases) + '</div>' +
      (f.descriptionHtml ? '<div class="markdown">' + f.descriptionHtml + '</div>' : '') + f.items.map(i => itemHtml(i, visible)).join('') + '</section>');
  }
  const n = visible.size;
  main.innerHTML = diagnosticsHtml() + '<div class="toolbar"><h2>' + esc(state.f ? state.f : 'All features') +
    ' <span class="visible-count" id="visible-count" data-count="' + n + '">' + n + ' scenario' + (n === 1 ? '' : 's') + '</span></h2>' +
    '<div class="actions"><button class="btn" id="expand-all">Expand all</button><button class="btn" id="collapse-all">Collapse all</button><button class="btn" id="print">Print</button></div></div>' +
    goneHtml() + (parts.length ? parts.join('') : '<div class="notice">No scenario matches these filters.</div>');
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
