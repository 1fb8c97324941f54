// Step definitions view.
function stepsView(main) {
  const defs = D.stepDefinitions, unused = defs.filter(d => d.uses === 0);
  main.innerHTML = diagnosticsHtml() + '<div class="toolbar"><h2>Step definitions <span class="visible-count">' + defs.length + ' defined, ' + unused.length + ' never used</span></h2></div>' +
    (defs.length ? '<div class="panel"><table class="list"><thead><tr><th>Pattern</th><th>Kind</th><th>Source</th><th>Uses</th></tr></thead><tbody>' +
      defs.map(d => '<tr class="' + (d.uses ? '' : 'unused') + '"><td><code>' + esc(d.pattern) + '</code></td><td>' + esc(d.type) + '</td><td><code>' + esc(d.source || '') + '</code></td><td class="num">' +
        (d.uses ? d.uses : '<span class="label label-flaky">unused</span>') + '</td></tr>').join('') + '</tbody></table></div>'
      : '<div class="notice">The runs recorded no step definitions' + (D.runs.length ? '' : ' (no run given: specification only)') + '.</div>');
}
