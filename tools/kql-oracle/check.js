// Reads a JSON array of KQL texts on stdin and writes, for each, the diagnostics of
// Microsoft's Kusto.Language parser as a JSON array of {valid, diagnostics:[...]}.
global.Bridge = require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const texts = JSON.parse(input);
  const results = texts.map(text => {
    const diagnostics = [];
    const ds = Kusto.Language.KustoCode.Parse(text).GetDiagnostics();
    for (let i = 0; i < ds.Count; i++) {
      const d = ds.getItem(i);
      diagnostics.push({ message: d.Message, severity: String(d.Severity), start: d.Start, length: d.Length });
    }
    const errors = diagnostics.filter(d => d.severity === 'Error');
    return { valid: errors.length === 0, diagnostics };
  });
  process.stdout.write(JSON.stringify(results));
});
