// Sidebar (filter chips, feature tree), header, and the render() entry point of every view.
function renderSidebar() {
  const base = D.cases.filter(c => matches(c, { ignoreStatus: true, ignoreLabels: true, ignoreReview: true }));
  renderReviewChips(base);
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
  meta.insertAdjacentHTML('beforeend', reviewMetaHtml());
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
