package dev.lede.article;

import java.util.Locale;

/** The kinds of named entity Lede tells apart. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  PLACE,
  OTHER;

  /**
   * Reads a type the way inputs spell it: case-insensitive, with the usual synonyms of NER tools
   * ({@code PER}, {@code ORG}, {@code LOC}, {@code GPE}, {@code LOCATION}, {@code MISC}).
   *
   * @return the type, or {@link #OTHER} for a blank or unknown name
   */
  public static EntityType parse(String name) {
    if (name == null || name.isBlank()) {
      return OTHER;
    }
    return switch (name.strip().toUpperCase(Locale.ROOT)) {
      case "PERSON", "PER", "PEOPLE" -> PERSON;
      case "ORGANIZATION", "ORGANISATION", "ORG", "ORGS" -> ORGANIZATION;
      case "PLACE", "PLACES", "LOC", "LOCATION", "GPE" -> PLACE;
      default -> OTHER;
    };
  }
}
