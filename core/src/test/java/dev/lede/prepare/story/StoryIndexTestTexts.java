package dev.lede.prepare.story;

/** Two stories on one topic, shared by the story tests. */
public final class StoryIndexTestTexts {
  private StoryIndexTestTexts() {}

  public static final String WIRE = StoryIndexTest.WIRE;
  public static final String SAME_TOPIC_OTHER_STORY = StoryIndexTest.SAME_TOPIC_OTHER_STORY;
}
