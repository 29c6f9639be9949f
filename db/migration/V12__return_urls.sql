-- Where the reader goes back to after the checkout (the article they came from); checked
-- against the allowed origins when the checkout starts.
alter table checkout add column return_url text check (length(return_url) <= 2000);
