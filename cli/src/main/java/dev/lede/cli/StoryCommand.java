package dev.lede.cli;

import dev.lede.NewsIndex;
import dev.lede.cli.render.Json;
import dev.lede.cli.render.TextLines;
import dev.lede.search.Story;
import dev.lede.search.StoryMember;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lede story ID}: the copies of an article's story. */
@Command(name = "story", addMethodSubcommands = false, header = "The copies of an article's story: source, date, and how each differs in length from the earliest.")
final class StoryCommand implements Callable<Integer> {
  @ParentCommand LedeCli lede;

  @Parameters(paramLabel = "ID", description = "Any article of the story.")
  String id;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  TextOrJson format;

  @Override
  public Integer call() {
    Story story;
    try (NewsIndex index = lede.openForReading()) {
      story = index.story(id).orElseThrow(() -> new LedeCli.NotFoundException("no article with id '" + id + "'"));
    }
    PrintWriter out = lede.spec.commandLine().getOut();
    if (format == TextOrJson.JSON) {
      out.println(Json.pretty(Answers.story(story)));
    } else {
      out.println("story " + story.id() + ": " + story.members().size() + (story.members().size() == 1 ? " article" : " copies"));
      for (StoryMember m : story.members()) {
        String date = m.published() == null ? "-" : m.published().toString().substring(0, 10);
        String diff = m.id().equals(story.members().get(0).id()) ? "earliest"
            : m.exactDuplicate() ? "exact copy" : String.format(Locale.ROOT, "%+d words (+%d -%d)", m.lengthDelta(), m.wordsAdded(), m.wordsRemoved());
        out.println(String.format(Locale.ROOT, "  %s  %-18s %-10s %s", date, m.source() == null ? "-" : TextLines.oneLine(m.source(), 80),
            m.words() + "w", diff));
        out.println("      " + TextLines.oneLine(m.headline(), TextLines.HEADLINE) + "  [" + m.id() + "]");
      }
    }
    return ExitCodes.OK;
  }
}
