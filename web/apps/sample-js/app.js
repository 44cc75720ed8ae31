// Sample JS, "Screen pop": an app as apps in the field are written, in plain JavaScript
// against genesys.wwe.service with succeeded/failed callbacks. It greets the agent, pops the
// caller of a ringing or connected call with its attached data, and can tag the caller VIP
// (interaction.setUserData). window.sampleJsReady tells tests it has subscribed.
(function () {
  "use strict";
  const service = genesys.wwe.service;
  const byId = (id) => document.getElementById(id);
  let current = null;  // the interaction shown

  function fail(result) {
    byId("status").textContent = "Failed: " + (result && result.errorMessage ? result.errorMessage : result);
  }

  function show(interaction) {
    current = interaction;
    const data = interaction.userData || {};
    const who = interaction.contact && interaction.contact.displayName ? interaction.contact.displayName : interaction.ani || "unknown caller";
    byId("call").textContent = `${interaction.media} ${interaction.state}: ${who}` +
      (data.Segment ? ` · segment ${data.Segment}` : "") + (data.VIP ? " · VIP" : "");
    byId("call").dataset.interactionId = interaction.interactionId;
    byId("call").dataset.state = interaction.state;
    byId("tag-vip").disabled = interaction.state === "IDLE";
  }

  service.agent.get((result) => {
    byId("agent-name").textContent = `${result.data.firstname} ${result.data.lastname}`;
  }, fail);

  service.subscribe(["interaction"], (message) => {
    const interaction = message.data && message.data.interaction;
    if (interaction) show(interaction);
  }, this, () => {
    window.sampleJsReady = true;
  }, fail);

  byId("tag-vip").addEventListener("click", () => {
    if (!current) return;
    service.interaction.setUserData(current.interactionId, {VIP: "true"}, () => {
      byId("status").textContent = "Tagged VIP.";
    }, fail);
  });
})();
