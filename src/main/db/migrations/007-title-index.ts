import type { Migration } from './migration.ts';

/**
 * A second full-text index, of headlines only, kept by triggers as articles come and
 * go. Search ranks a headline that holds the query first, over every article however
 * old (see library/search.ts): a headline's words are few, so even the most common
 * word's list of headlines is short enough to rank in full, where the list of bodies
 * that hold it (nearly all of them) is not. Written with the article itself, so a
 * headline is searchable as soon as it is listed, before its body is indexed.
 */
export const titleIndex: Migration = {
  version: 7,
  name: 'title index',
  up: `
    CREATE VIRTUAL TABLE titles_fts USING fts5(
      title,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO titles_fts (rowid, title) SELECT id, title FROM articles;
    CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
    END;
    CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles WHEN new.title IS NOT old.title BEGIN
      DELETE FROM titles_fts WHERE rowid = old.id;
      INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
    END;
    CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN
      DELETE FROM titles_fts WHERE rowid = old.id;
    END;
  `,
};
