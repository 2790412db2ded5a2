\timing on
SELECT count(*) FROM precedent.passages WHERE words @@ '''international'' | ''community'' | ''redouble'' | ''efforts'''::tsquery AND collection_id=1;
