// The counter service on vloop's simulated network: the server on its own
// host, a link with latency and loss, and a partition that may happen.
import { OSError, TimeoutError, getRunningLoop, log, network, sleep, startServer } from "vloop";
import * as first from "./counter.js";
import * as fixedVersion from "./counter_fixed.js";

type Service = typeof fixedVersion | typeof first;

async function pageViews(service: Service) {
  const counters = new Map<string, number>(); // the server's state, to check at the end
  const net = network();
  net.host("counter", async () => {
    await startServer(service.counterServer(counters), "0.0.0.0", 7000);
  });
  net.link("main", "counter", { latency: [0.005, 0.05], loss: 0.01 });
  await sleep(0.1); // the server starts listening

  const client = new service.CounterClient("counter", 7000);
  for (let view = 1; view <= 3; view++) {
    if (net.maybe(0.05, `partition main/counter for 2 s before view ${view}`)) {
      net.partition("main", "counter");
      getRunningLoop().callLater(2, () => net.repair());
    }
    try {
      log(`view ${view}: views =`, await client.incr("views", `view-${view}`));
    } catch (e) {
      if (!(e instanceof OSError || e instanceof TimeoutError)) throw e;
      log(`view ${view} not counted:`, e.name); // acceptable: counting is best effort
    }
    await sleep(1);
  }
  client.close();
  await sleep(5); // whatever is still on its way arrives
  const total = counters.get("views") ?? 0;
  if (total > 3) throw new Error(`counted ${total} views for 3 page views`);
}

export const main = () => pageViews(first);
export const fixed = () => pageViews(fixedVersion);
