import { explore, replay } from "vloop/testing";
import { getRunningLoop, network, openConnection, run, sleep, startServer, type StreamReader, type StreamWriter } from "vloop";

const enc = new TextEncoder();
const dec = new TextDecoder();
const t = () => getRunningLoop().time().toFixed(3);
let quiet = false; // explore's thousand runs print nothing
const say = (line: string) => quiet || console.log(line);

async function payOnce(): Promise<void> {
  const net = network();
  let payments = 0;
  net.host("bank", async () => {                       // a machine of its own, 10.0.0.2
    await startServer(async (reader: StreamReader, writer: StreamWriter) => {
      if ((await reader.readline()).length === 0) return;
      payments += 1;                                     // applied...
      writer.write(enc.encode("paid\n"));                // ...then answered
    }, "0.0.0.0", 8000);
  });
  net.link("main", "bank", { latency: 0.01, loss: 0.05 });
  await sleep(0.001);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const [reader, writer] = await openConnection("bank", 8000);
      writer.write(enc.encode("pay 10\n"));
      say(`t=${t()} ${dec.decode(await reader.readline()).trim()} (attempt ${attempt})`);
      writer.close();
      break;
    } catch (e) {
      say(`t=${t()} ${(e as Error).name}, retrying`);
    }
  }
  if (payments > 1) throw new Error(`paid ${payments} times`);
}

await run(payOnce); // the default order is a perfect network: nothing is lost
quiet = true;
const found = await explore(payOnce, { strategy: "random", runs: 1000 });
quiet = false;
console.log(found.report);
console.log("replaying", JSON.stringify(found.shrunkTape));
await replay(payOnce, found.shrunkTape!).catch((e: Error) => console.log(`replayed: ${e.message}`));
