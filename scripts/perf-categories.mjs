// Where a host's CPU went: reads `perf script -F comm,tid,ip,sym,dso` (samples with call stacks, .NET frames named
// through DOTNET_PerfMapEnabled=1) and prints the share of samples per category, the first category whose test
// matches a sample's thread or stack. Used by scripts/profile-batch.sh.
// Usage: perf script -i FILE -F comm,tid,ip,sym,dso | node scripts/perf-categories.mjs
import { createInterface } from "node:readline";

const any = (...words) => (stack) => words.some((w) => stack.includes(w));
const categories = [
  ["JIT: tiered compilation thread", (stack, thread) => thread.includes("Tiered")],
  ["GC: background collection thread", (stack, thread) => thread.includes("BGC")],
  ["storage client: building transactions", any("BuildChangeSet", "RequestRequestContent", "MultipartContent", "CreateInsertEntityRequest", "ToOdataAnnotatedDictionary", "TableTransactionAction")],
  ["storage client: parsing responses", any("MultipartResponse", "MultipartReader", "BufferedReadStream", "DeserializeTableEntityQueryResponse")],
  ["ledger and report rows: encoding", any("LedgerRowCodec", "ReportLineCodec")],
  ["batch lines: reading and validating JSON", any("BillingLineValidator", "ForEachLine", "Utf8JsonReader", "JsonSerializer")],
  ["tariff engine", any("TariffEngine")],
  ["eligibility", any("Eligibility")],
  ["equity report", (stack) => stack.includes("Tariffs.") && stack.includes("Report")],
  ["HTTP and sockets", any("System.Net.Http", "System.Net.Sockets")],
  ["other Tariffs code", any("Tariffs.")],
  ["other (runtime, kernel, idle spinning)", () => true],
];

const counts = new Map(categories.map(([name]) => [name, 0]));
let total = 0;
let thread = null;
let frames = [];

function flush() {
  if (thread === null) return;
  const stack = frames.join("\n");
  const [name] = categories.find(([, test]) => test(stack, thread));
  counts.set(name, counts.get(name) + 1);
  total++;
  thread = null;
  frames = [];
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "") flush();
  else if (!/^\s/.test(line)) {
    flush();
    thread = line.trim();
  } else frames.push(line.trim());
}
flush();

console.log(`${total} samples`);
for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]))
  if (count > 0) console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${name}`);
