-- A provider's verification queue: the objections to the records it contributed.
create index credit_contributions_by_provider_party on credit_contributions (provider_party_id);
