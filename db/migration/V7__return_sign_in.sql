-- The return from the provider signs the reader in once: a copied or replayed return address does not.
alter table checkout add column signed_in_at timestamptz;
