/**
 * Answers one question: does this worker run under a Content-Security-Policy? Compiling code
 * from a string is what the app's policy forbids (script-src has no 'unsafe-eval'), so a
 * refusal means the policy reached the worker. Workers take their policy from the response
 * that served their script — not from the page — so this differs by host (see
 * src/platform/worker-policy.ts).
 */
let enforced: boolean;
try {
  new Function('return 1')();
  enforced = false;
} catch {
  enforced = true;
}
postMessage(enforced ? 'enforced' : 'missing');
