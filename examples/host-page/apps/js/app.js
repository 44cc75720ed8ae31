// Status board, in plain JavaScript: the agent's state and the current call with its attached
// data, as the host's contact centre tells them; a button makes the agent Ready.
(function () {
  "use strict";
  const service = genesys.wwe.service;
  const failed = (result) => { document.getElementById("error").textContent = result.errorMessage; };
  const showState = (state) => { document.getElementById("state").textContent = state; };

  service.agent.getState((result) => showState(result.data.operationName), failed);
  service.subscribe(["interaction", "agent"], (message) => {
    if (message.event === "agent") {
      showState(message.data.mediaState);
    } else {
      const call = message.data.interaction;
      document.getElementById("call").textContent =
        `${message.data.eventType}: ${call.ani} ${JSON.stringify(call.userData)}`;
    }
  }, null, () => { window.statusBoardReady = true; });
  document.getElementById("ready").addEventListener("click", () => {
    service.agent.setState("Ready", () => {}, failed);
  });
})();
