// Analytics (inline SVG).
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
