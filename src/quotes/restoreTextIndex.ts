import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { finishNow, type Steps } from '../search/steps.js';
import { IntKeyMap } from './intKeyMap.js';
import { addItems, eachPart, type JsonParts, type PlainObject } from './jsonParts.js';

/**
 * The fields MiniSearch's own `loadJS` fills (private in its types; MiniSearch 7). Filled here entry by entry so that
 * restoring pauses anywhere: `MiniSearch.loadJSAsync` pauses between terms only, and maps every document id back to
 * its short id in one loop (at 100,000 articles, 217,000 quotations: a 0.15 s block of the event loop on a reload).
 * test/quotes/restoreTextIndex.test.ts checks that the result is the index `loadJS` makes.
 */
interface MiniSearchFields {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, unknown>;
  _storedFields: Map<number, unknown>;
  _index: { set(term: string, data: Map<number, Map<number, unknown>>): unknown };
  _fieldIds: AsPlainObject['fieldIds'];
  _avgFieldLength: AsPlainObject['averageFieldLength'];
}

/** Map entries set between two yields of {@link restoringTextIndex}: well under a millisecond. */
const STEP_ENTRIES = 1_000;

/**
 * A MiniSearch index from its `toJSON()` split into {@link JsonParts}, one part parsed per step and its entries put
 * in place {@link STEP_ENTRIES} at a time (run with `finishInSteps` while the bot answers; `finishNow` at once). No
 * plain copy of the whole index is made on the way, as joining the parts first would.
 * @example finishNow(restoringTextIndex(toParts(index.toJSON()), options)).documentCount === index.documentCount // => true
 */
export function* restoringTextIndex<T>(parts: JsonParts, options: Options<T>): Steps<MiniSearch<T>> {
  const head = JSON.parse(parts[0] ?? '{}') as AsPlainObject;
  // The counters and options, from the first part; its maps, arrays and objects are empty (toParts moves their
  // entries to the other parts).
  const index = MiniSearch.loadJS<T>(head, options);
  const fields = index as unknown as MiniSearchFields;
  // The per-document maps hold an entry per quotation (217,000 at 100,000 articles): as Maps, each doubled its hash
  // table in one 35-70 ms block on the way (see IntKeyMap). Short ids (and the quote index's ids) are integers.
  fields._documentIds = new IntKeyMap();
  fields._idToShortId = new IntKeyMap();
  fields._fieldLength = new IntKeyMap();
  fields._storedFields = new IntKeyMap();
  const numeric = (key: string) => Number.parseInt(key, 10);
  let entries = 0;
  const pause = () => (entries += 1) % STEP_ENTRIES === 0;
  function* numericMap(object: PlainObject): Steps<Map<number, unknown>> {
    const map = new Map<number, unknown>();
    // for…in, not Object.entries: an entries array and a [key, value] pair per posting (millions at 100,000
    // articles) were garbage. Restoring the quotations' text index at 100,000 articles: 50 → 25 collections, 3.3 →
    // 2.7 s of CPU (medians of 3, a loaded machine).
    for (const key in object) {
      map.set(numeric(key), object[key]);
      if (pause()) yield;
    }
    return map;
  }
  yield* eachPart(parts, head, function* (key, items) {
    if (key === 'index' && Array.isArray(items)) {
      for (const [term, data] of items as [string, Record<string, PlainObject>][]) {
        const byField = new Map<number, Map<number, unknown>>();
        for (const fieldId in data) {
          const entry = data[fieldId]!;
          // Version 1 nested each entry in a field `ds` (as loadJS reads it).
          const postings = head.serializationVersion === 1 ? (entry['ds'] as PlainObject) : entry;
          byField.set(numeric(fieldId), yield* numericMap(postings));
        }
        fields._index.set(term, byField);
        if (pause()) yield;
      }
      return;
    }
    const map = key === 'documentIds' ? fields._documentIds : key === 'fieldLength' ? fields._fieldLength : key === 'storedFields' ? fields._storedFields : null;
    if (!map || Array.isArray(items)) {
      // The small fields (field ids, average lengths) are joined as they were saved, and handed over below.
      addItems(head, key, items);
      return;
    }
    for (const shortKey in items) {
      const value = items[shortKey];
      const shortId = numeric(shortKey);
      map.set(shortId, value);
      if (key === 'documentIds') fields._idToShortId.set(value, shortId);
      if (pause()) yield;
    }
  });
  fields._fieldIds = head.fieldIds;
  fields._avgFieldLength = head.averageFieldLength;
  return index;
}

/**
 * {@link restoringTextIndex} without pausing, or the index saved whole (one JSON text, as an older version wrote).
 * @example restoreTextIndex(toParts(index.toJSON()), options).search('stain').length // => as index.search('stain')
 */
export function restoreTextIndex<T>(saved: JsonParts | string, options: Options<T>): MiniSearch<T> {
  if (typeof saved === 'string') return MiniSearch.loadJS<T>(JSON.parse(saved) as AsPlainObject, options);
  return finishNow(restoringTextIndex(saved, options));
}
