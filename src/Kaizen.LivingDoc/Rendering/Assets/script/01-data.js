// Page data and constants. The script files are concatenated in name order inside one function scope (see HtmlRenderer).
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
