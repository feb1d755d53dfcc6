package de.studienlotse.answer;

/** One earlier message of a conversation. */
public record Turn(Role role, String content) {

    public enum Role { USER, ASSISTANT }

    public Turn {
        if (role == null) throw new IllegalArgumentException("role must not be null");
        if (content == null) throw new IllegalArgumentException("content must not be null");
    }

    public static Turn user(String content) {
        return new Turn(Role.USER, content);
    }

    public static Turn assistant(String content) {
        return new Turn(Role.ASSISTANT, content);
    }
}
