// The independent oracle: @cloud-copilot/iam-simulate, run as its own process (it is AGPL and
// only ever used by the tests). One JSON object per line on stdin:
//   {"identity": [policy...], "resource": {"arn": ..., "account": ...}, "principal": ...,
//    "requests": [{"action": ..., "context": {...}}]}
// and one line back: {"id": <the task's id>, "results": ["Allowed" | "ExplicitlyDenied" |
// "ImplicitlyDenied", ...]} or {"id": ..., "error": "..."} when the simulator refuses the input.
// The id lets the reader skip anything else the library may print.
'use strict';
const readline = require('node:readline');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function answer(line) {
  const task = JSON.parse(line);
  const results = [];
  for (const request of task.requests) {
    const simulation = {
      identityPolicies: task.identity.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: task.scps
        ? [{ orgIdentifier: 'ou-smguard-test', policies: task.scps.map((policy, i) => ({ name: `scp${i}`, policy })) }]
        : [],
      resourceControlPolicies: [],
      request: {
        action: request.action,
        principal: task.principal,
        resource: {
          resource: (request.resource || task.resource).arn,
          accountId: (request.resource || task.resource).account,
        },
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
    let id = null;
    try {
      id = JSON.parse(line).id;
      reply = await answer(line);
    } catch (error) {
      reply = { error: String(error).slice(0, 500) };
    }
    process.stdout.write(JSON.stringify({ id, ...reply }) + '\n');
  });
});
