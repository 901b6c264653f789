-- At every start PlainIdRekeying looks for rows still holding a WhatsApp id in plain text (written before V30). Its raw
-- updates' and staged uploads' reads had no index to use and read the whole table each time: 0.5 s of a start with two
-- million raw updates, growing with the history. Since V30 no row matches these predicates, so both indexes stay
-- empty and the insert path adds no entry; the reads repeat the predicates word for word (PlainIdRekeying), so each
-- finds its rows, or that there are none, through its index.
create index inbound_update_plain_id_idx on inbound_update (id)
 where channel = 'WHATSAPP' and provider_id not like 'h1:%';
create index media_plain_ref_idx on media (id)
 where source_ref like 'whatsapp:%' and source_ref not like 'whatsapp:h1:%';
