-- Whether the person forwarded the file from another chat (WhatsApp messages[].context.forwarded or
-- frequently_forwarded, Telegram message.forward_origin), as the terlapor's photo passed on as evidence: the case page,
-- the prints and the referral letter mark it "Diteruskan dari chat lain" also when it came without a caption. Who first
-- sent it is never stored here. A column with a constant default is added without rewriting the table; files stored
-- before it read false.
alter table media add column forwarded boolean not null default false;
