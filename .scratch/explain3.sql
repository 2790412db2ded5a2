\timing on
EXPLAIN (ANALYZE) 
WITH v AS (SELECT * FROM unnest(ARRAY['''international''','''community''','''redouble''','''efforts''','''must''','''its''','''the''']::tsquery[], ARRAY[0,1,2,3,4,5,6], ARRAY[2.1,2.0,7.5,2.5,1.5,0.5,0.1]::float8[], ARRAY[true,true,true,true,true,false,false]) AS v(q, grp, weight, selects)),
hits AS (
  SELECT s.id, v.grp, v.weight FROM v CROSS JOIN LATERAL (SELECT p.id FROM precedent.passages p WHERE p.words @@ v.q AND p.collection_id = ANY(ARRAY[1])) s WHERE v.selects
),
pre AS (SELECT id, sum(best) AS score FROM (SELECT id, grp, max(weight) AS best FROM hits GROUP BY id, grp) g GROUP BY id ORDER BY score DESC LIMIT 1000)
SELECT count(*) FROM pre;
