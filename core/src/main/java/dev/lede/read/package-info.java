/**
 * Reading articles: every input format in, {@link dev.lede.article.Article}s out.
 *
 * <p>In: files, directories and streams of scraped posts ({@code .txt}), JSON ({@code .json}: one
 * object, an array, or a sequence of objects), JSON Lines ({@code .jsonl}, {@code .ndjson}), CSV
 * with a header row ({@code .csv}) and news-please's article layout, each optionally gzip-compressed ({@code .gz}, or recognised by its
 * magic bytes). Out: each article with its {@link dev.lede.read.Origin} and each bad record as a
 * {@link dev.lede.read.Rejection} (file, line or record, reason), both handed to a {@link
 * dev.lede.read.ReadListener} as they are read, and a {@link dev.lede.read.ReadReport} with the
 * counts. {@link dev.lede.read.ArticleInputs} is the entry point; one package-private reader per
 * format does the work.
 *
 * <p>Streaming: nothing holds more than one record. A JSON Lines line, a JSON array element or a
 * post file larger than {@link dev.lede.read.ReadLimits#maxRecordBytes()} (default 16 MiB) is a
 * rejection and reading goes on with the next record; a gzip file that inflates beyond {@link
 * dev.lede.read.ReadLimits#maxDecompressedBytes()} (default 4 GiB) is rejected from that point on.
 *
 * <p>Bad input never stops a run: invalid UTF-8 (decoded strictly, never replaced), a syntax
 * error, a missing headline and body, an unparseable date are each one rejection naming the place
 * and the field; a binary file is one rejection for the whole file; an empty file is skipped. In a
 * JSON document a syntax error ends that file after its complete records, since there is no
 * reliable place to resume; in JSON Lines only the bad line is lost (but a file whose first 100
 * lines are all rejected is given up: it is not JSON Lines).
 *
 * <p>JSON field names are matched case-insensitively, the first of each list that is present
 * winning: id ({@code id, uuid, _id}), headline ({@code headline, title, title_page, title_rss}),
 * lead ({@code lead, description, summary, abstract, short_description}), body ({@code body, text,
 * content, maintext}), source ({@code source, source_domain, site, domain}, else the url's host),
 * url ({@code url, link}), published ({@code published, date, date_publish, publish_date, pubDate,
 * datetime, published_at, publishedAt}), authors ({@code authors, author, byline}: a list or "A, B
 * and C"), language ({@code language, lang}), entities (strings, or objects with {@code name}/{@code
 * text} and {@code type}/{@code label}). Dates may be ISO-8601 instants or offset date-times,
 * {@code yyyy-MM-dd HH:mm:ss} or plain dates (both UTC), RFC 1123, or epoch seconds/milliseconds.
 * Every other non-null field is kept in {@link dev.lede.article.Article#attributes()}, non-strings as
 * compact JSON.
 *
 * <p>Scraped posts: see the layout on {@code ScrapedPostReader}; besides the headline, counter,
 * UUID, paragraphs and {@code Original Source:} line, optional {@code Published:}/{@code Date:},
 * {@code By:} and {@code URL:} lines between the headline and the first paragraph are read. See
 * {@code docs/readers.md} for the whole contract, with examples of every rejection.
 *
 * <p>HTML in headline, lead, body and authors is turned into plain text by {@link
 * dev.lede.read.HtmlText} in every reader, so an article is clean text whatever its format.
 *
 * <p>Never: prints, exits, indexes, or changes an article's text beyond removing markup and what
 * the format's layout implies (trimming, joining a post paragraph's lines); boilerplate, entities
 * and the rest of preparation belong to the prepare stage.
 */
package dev.lede.read;
