// Sends requests to a Kusto endpoint with Microsoft's Node.js SDK and prints what the SDK made of each answer.
// Input on stdin: {"endpoint": "...", "requests": [{"database": "...", "text": "...", "options": {...}, "pauseMillis": N}]}
// (pauseMillis: how long to wait before sending that request, with the SDK's keep-alive connections left idle).
// Output on stdout: one JSON array, per request either {"rows": [...], "columns": [...], "tables": N}
// or {"error": "<the SDK's error class>", "message": "..."}, each with "reusedConnection": whether it went over a
// connection the SDK's pool had used before.
const { Client, ClientRequestProperties } = require("azure-kusto-data");

async function main() {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  // A bare URL as the connection string: no authentication, as the emulator expects.
  const client = new Client(input.endpoint);
  let reusedConnection = null;
  client.axiosInstance.interceptors.response.use(
    (response) => {
      reusedConnection = response.request.reusedSocket;
      return response;
    },
    (error) => {
      reusedConnection = error.request ? error.request.reusedSocket : null;
      return Promise.reject(error);
    });
  const answers = [];
  for (const request of input.requests) {
    if (request.pauseMillis) {
      await new Promise((resolve) => setTimeout(resolve, request.pauseMillis));
    }
    reusedConnection = null;
    const properties = new ClientRequestProperties();
    for (const [name, value] of Object.entries(request.options || {})) {
      properties.setOption(name, value);
    }
    properties.setTimeout(request.timeoutMillis || 30000);
    try {
      const response = await client.execute(request.database, request.text, properties);
      const primary = response.primaryResults[0];
      answers.push({
        tables: response.tables.length,
        columns: primary.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: [...primary.rows()].map((row) => row.toJSON ? Object.values(row.toJSON()) : row),
        reusedConnection,
      });
    } catch (e) {
      answers.push({ error: e.name || e.constructor.name, message: String(e.message), reusedConnection });
    }
  }
  process.stdout.write(JSON.stringify(answers));
  client.close();
}

main().catch((e) => {
  process.stderr.write(String(e.stack || e));
  process.exit(1);
});
