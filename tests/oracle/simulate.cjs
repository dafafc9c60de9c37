// The independent oracle: @cloud-copilot/iam-simulate, run as its own process (it is AGPL and
// only ever used by the tests). One JSON object per line on stdin:
//   {"identity": [policy...], "resource": {"arn": ..., "account": ...}, "principal": ...,
//    "requests": [{"action": ..., "context": {...}}]}
// and one line back: {"results": ["Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied", ...]}
// or {"error": "..."} when the simulator refuses the input.
'use strict';
const readline = require('node:readline');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function answer(line) {
  const task = JSON.parse(line);
  const results = [];
  for (const request of task.requests) {
    const simulation = {
      identityPolicies: task.identity.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action: request.action,
        principal: task.principal,
        resource: { resource: task.resource.arn, accountId: task.resource.account },
        contextVariables: request.context,
      },
    };
    const outcome = await runSimulation(simulation, {});
    if (outcome.errors) return { error: JSON.stringify(outcome.errors).slice(0, 500) };
    results.push(outcome.overallResult);
  }
  return { results };
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let reply;
    try {
      reply = await answer(line);
    } catch (error) {
      reply = { error: String(error).slice(0, 500) };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
  });
});
