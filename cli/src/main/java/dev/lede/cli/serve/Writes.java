package dev.lede.cli.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.IngestListener;
import dev.lede.IngestOptions;
import dev.lede.IngestReport;
import dev.lede.NewsIndex;
import dev.lede.cli.Answers;
import dev.lede.cli.ExitCodes;
import dev.lede.cli.render.Json;
import dev.lede.read.ArticleSource;
import dev.lede.read.InputFormat;
import dev.lede.read.Rejection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/articles} and {@code DELETE /api/articles/{id}}, only with {@code --write}, and
 * only with the bearer token. A body is read as {@code lede index -} reads standard input, so it is
 * rejected record by record in the same words.
 */
final class Writes {
  static final Set<String> POST = Set.of("format");
  /** The most rejections a response lists one by one; all are counted. */
  static final int REJECTIONS_LISTED = 100;

  private final IndexHolder holder;
  private final String indexName;
  private final byte[] tokenDigest;

  Writes(IndexHolder holder, String indexName, byte[] token) {
    this.holder = holder;
    this.indexName = indexName;
    this.tokenDigest = sha256(token);
  }

  /**
   * Checks an {@code Authorization: Bearer TOKEN} header. The digests are compared, not the tokens:
   * {@link MessageDigest#isEqual} takes the same time whatever the bytes, and comparing digests of
   * one length also hides the token's length.
   */
  void authorize(String authorization) {
    String prefix = "Bearer ";
    if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new ApiException(401, ExitCodes.USAGE, "writes need an 'Authorization: Bearer TOKEN' header");
    }
    byte[] given = sha256(authorization.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
    if (!MessageDigest.isEqual(given, tokenDigest)) {
      throw new ApiException(401, ExitCodes.USAGE, "the bearer token is not the server's token");
    }
  }

  /**
   * Indexes a body of articles: a JSON object, array or sequence, JSON Lines, news-please output or a
   * scraped post. The answer is {@code index --output json}'s summary with the rejections listed.
   * Some rejected records do not fail the request (the rest were written; {@code rejected} says so);
   * a body of which nothing could be read does: 400.
   */
  ObjectNode post(byte[] body, Params p) {
    InputFormat format;
    try {
      format = InputFormat.parse(p.get("format") == null ? "auto" : p.get("format"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("parameter 'format': " + e.getMessage());
    }
    if (body.length == 0) {
      throw ApiException.badRequest("the body is empty: send a JSON array or JSON Lines of articles");
    }
    List<Rejection> rejections = new ArrayList<>();
    IngestListener listener = new IngestListener() {
      @Override
      public synchronized void rejected(Rejection r) {
        rejections.add(r);
      }
    };
    NewsIndex index = holder.get();
    IngestReport report = index.ingest(ArticleSource.stream(new ByteArrayInputStream(body), "body", format),
        IngestOptions.defaults().withThreads(1), listener);
    index.refresh();
    ObjectNode o = Answers.ingest(report, indexName);
    ArrayNode listed = o.putArray("rejections");
    synchronized (listener) {
      for (Rejection r : rejections.subList(0, Math.min(rejections.size(), REJECTIONS_LISTED))) {
        listed.addObject().put("file", r.file()).put("record", r.record()).put("reason", r.reason());
      }
    }
    if (report.read() == 0 && report.rejected() > 0) {
      String first = rejections.isEmpty() ? "" : ": " + rejections.get(0);
      ObjectNode error = Json.object().put("error", "no article could be read from the body" + first)
          .put("code", ExitCodes.REJECTED);
      error.setAll(o);
      throw new RejectedBody(error);
    }
    return o;
  }

  /** {@code DELETE /api/articles/{id}}: {@code lede delete ID --format json}, or 404 when there is no such article. */
  ObjectNode delete(String id) {
    NewsIndex index = holder.get();
    if (!index.delete(id)) {
      throw Api.noSuchArticle(id);
    }
    index.commit();
    index.refresh();
    ObjectNode o = Json.object();
    o.putArray("deleted").add(id);
    o.putArray("not_found");
    return o;
  }

  /** A body none of whose records could be read: 400, with the ingest summary beside the error. */
  static final class RejectedBody extends RuntimeException {
    final ObjectNode body;

    RejectedBody(ObjectNode body) {
      super(body.path("error").asText(), null, false, false);
      this.body = body;
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
