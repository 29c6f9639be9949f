-- The publication's own look on reader pages and mails: one row, absent until an admin
-- saves the site page. Every column may be empty: empty means the neutral default.
create table site_brand (
    id               boolean primary key default true check (id),
    name             text check (length(trim(name)) between 1 and 100),
    -- a hex colour in lower case; its contrast with white is checked where it is typed
    accent           text check (accent ~ '^#[0-9a-f]{6}$'),
    home_url         text check (length(home_url) <= 500 and home_url ~ '^https?://'),
    privacy_url      text check (length(privacy_url) <= 500 and privacy_url ~ '^https?://'),
    terms_url        text check (length(terms_url) <= 500 and terms_url ~ '^https?://'),
    contact_url      text check (length(contact_url) <= 500 and contact_url ~ '^(https?://|mailto:)'),
    support_headline text check (length(support_headline) <= 120),
    support_text     text check (length(support_text) <= 1000),
    -- the logo as uploaded and checked: its bytes, its verified type, and the start of its
    -- SHA-256 that names it in its URL (a new logo is a new URL, so it can be cached forever)
    logo             bytea check (octet_length(logo) between 1 and 524288),
    logo_type        text check (logo_type in ('image/png', 'image/jpeg', 'image/svg+xml')),
    logo_hash        text check (logo_hash ~ '^[0-9a-f]{16}$'),
    check ((logo is null) = (logo_type is null) and (logo is null) = (logo_hash is null)),
    updated_at       timestamptz not null default now()
);

-- Benefits in words: the slug is what pages check (unchanged in tiers, tokens and the
-- membership API), the label and description are what people read.
create table benefit (
    slug        text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    label       text not null check (length(trim(label)) between 1 and 60),
    description text not null default '' check (length(description) <= 200),
    created_at  timestamptz not null default now()
);

insert into benefit (slug, label, description) values
    ('members-only', 'Members-only stories', 'Read the stories we write for our members.'),
    ('fewer-asks', 'Fewer requests for support', 'We ask you less often to support us.'),
    ('ad-free', 'No advertising', 'Read every page without ads.');

-- every benefit a tier already names gets an entry, its slug read aloud as its label
insert into benefit (slug, label)
select distinct named.benefit, upper(left(named.benefit, 1)) || substr(replace(named.benefit, '-', ' '), 2)
from tier, unnest(tier.benefits) as named (benefit)
on conflict (slug) do nothing;
