// CRM notes, in plain JavaScript: shows the caller and the CRM account the Python app
// attached (ATTACHED_DATA_CHANGED), and marks the caller VIP on a click.
(function () {
  "use strict";
  const service = genesys.wwe.service;
  let call = null;

  function show(interaction) {
    call = interaction;
    const account = (interaction.userData || {}).CRM_AccountId;
    document.getElementById("caller").textContent =
      `${interaction.ani || "?"} ${interaction.state}` + (account ? ` · account ${account}` : "");
    document.getElementById("vip").disabled = false;
  }

  service.subscribe(["interaction"], (message) => {
    if (message.data && message.data.interaction) show(message.data.interaction);
  }, null, () => { window.crmNotesReady = true; });

  document.getElementById("vip").addEventListener("click", () => {
    service.interaction.setUserData(call.interactionId, {VIP: "yes"},
      () => { document.getElementById("status").textContent = "VIP"; },
      (result) => { document.getElementById("status").textContent = result.errorMessage; });
  });
})();
