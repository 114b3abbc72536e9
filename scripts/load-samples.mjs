// Loads the samples into a running local host, then waits until the equity report shows the sample batch.
//   node scripts/load-samples.mjs http://127.0.0.1:7071 <function key>
import { readFile } from "node:fs/promises";

const [base = "http://127.0.0.1:7071", key = "dev-key"] = process.argv.slice(2);
const samples = new URL("../samples/", import.meta.url);
const headers = { "content-type": "application/json", "x-functions-key": key };

async function call(method, route, body) {
  const response = await fetch(`${base}/api/${route}`, { method, headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api/${route} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const catalog = await readFile(new URL("catalog-dunkerque-water.json", samples), "utf8");
const published = await call("PUT", "catalog", catalog);
console.log(`catalog published: ${published.authority}/${published.service}, tariffs ${published.tariffs}, programs ${published.programs}`);

const flags = JSON.parse(await readFile(new URL("eligibility-flags.json", samples), "utf8"));
for (const flag of flags) await call("POST", "eligibility", JSON.stringify(flag));
console.log(`eligibility flags recorded: ${flags.length}`);

const batch = await readFile(new URL("batch-dunkerque-2022.json", samples), "utf8");
await call("POST", "batches", batch);
const lines = JSON.parse(batch).lines.length;
console.log(`billing batch queued: ${lines} lines`);

const reportUrl = `${base}/api/reports/equity?period=2022&service=water`;
const regulatorUrl = `${base}/api/reports/equity/unsuppressed?period=2022&service=water`;
const group = (value) => (value === null ? "withheld (a group under the small-cell threshold)" : value);
for (let attempt = 0; attempt < 60; attempt++) {
  await call("POST", "reports/equity/recompute");
  const cells = await (await fetch(reportUrl)).json();
  const total = cells.find((c) => c.authority === "dunkerque" && c.area === "*");
  if (total && total.householdsBilled >= lines) {
    const full = (await call("GET", "reports/equity/unsuppressed?period=2022&service=water"))
      .find((c) => c.authority === "dunkerque" && c.area === "*");
    console.log(`report ready: ${total.householdsBilled} households billed, social adjustments ${total.socialAdjustmentsTotal} ${total.currency}; ` +
      `households eligible: ${group(total.householdsEligible)}`);
    console.log(`regulator's view: ${full.householdsEligible} eligible, ${full.householdsReceived} received a social adjustment`);
    console.log(`\nEquity report: ${reportUrl}`);
    console.log(`Regulator's view (key): ${regulatorUrl}`);
    process.exit(0);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
throw new Error("the report did not show the sample batch within a minute");
