-- Each record's quote totals (words by group, speakers, and the index of each
-- group's first speech quote) as a small JSON column, so that a story's quote
-- chart reads summaries instead of parsing every full record.
ALTER TABLE records ADD COLUMN quotes_json TEXT;

-- Fill it for records stored before this migration; the store writes it from then on.
UPDATE records SET quotes_json = json_object(
	'wordsByGroup', json(COALESCE(json_extract(record_json, '$.quotes.wordsByGroup'), '{}')),
	'speakers', json(COALESCE(json_extract(record_json, '$.quotes.speakers'), '[]')),
	'firstSpeechByGroup', (
		SELECT json_group_object(grp, first) FROM (
			SELECT json_extract(q.value, '$.group') AS grp, MIN(CAST(q.key AS INTEGER)) AS first
			FROM json_each(records.record_json, '$.quotes.items') AS q
			WHERE json_extract(q.value, '$.kind') = 'speech'
			GROUP BY grp
		)
	)
);
