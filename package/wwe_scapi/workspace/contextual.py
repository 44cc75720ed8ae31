"""Options in the context of an interaction (configuration.getContextualOption).

The chain of the reference: the option `interaction.override-option-key` names a user-data
key; that key's value on the interaction names a transaction object (several, comma
separated, applied in order); its annex holds `section/option = value` overrides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wwe_scapi.workspace.configuration import ConfigurationStore, OptionSelector, OptionValue
from wwe_scapi.workspace.interactions import Interaction

OVERRIDE_KEY_OPTION = "interaction.override-option-key"
Annex = Mapping[str, OptionValue]  # "section/option" -> value


def contextual_options(
    configuration: ConfigurationStore,
    transactions: Mapping[str, Annex],
    selectors: str | Iterable[str],
    interaction: Interaction,
) -> dict[str, dict[str, OptionValue]]:
    result = configuration.select(selectors)  # validates the selectors first
    texts = [selectors] if isinstance(selectors, str) else list(selectors)
    parsed = [OptionSelector.parse(text) for text in texts]
    for name in transaction_names(configuration, interaction):
        for key, value in transactions.get(name, {}).items():
            section, _, option = key.partition("/")
            if any(s.section.matches(section) and s.option.matches(option) for s in parsed):
                result.setdefault(section, {})[option] = list(value) if isinstance(value, list) else value
    return result


def transaction_names(configuration: ConfigurationStore, interaction: Interaction) -> list[str]:
    """The transaction objects named by the interaction's override key, if any."""
    key = configuration.get(OVERRIDE_KEY_OPTION)
    if not isinstance(key, str) or not key:
        return []
    value = interaction.user_data.get(key)
    if not isinstance(value, str):
        return []
    return [name.strip() for name in value.split(",") if name.strip()]
