package dev.fulfillment.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.SfnException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Task tokens handed out by {@code .waitForTaskToken} tasks, answered through SendTaskSuccess/Failure/Heartbeat.
 * A token is removed when its task ends (answered, timed out, or its execution stopped).
 */
public final class TaskTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Consumer<Answer>> pending = new ConcurrentHashMap<>();
  /** Tokens whose task has ended (answered, timed out, stopped): answering them again is TaskTimedOut. */
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  /** An answer to a token. */
  public sealed interface Answer {
    record Success(JsonNode output) implements Answer {}

    record Failure(String error, String cause) implements Answer {}

    record Heartbeat() implements Answer {}
  }

  /** Registers a waiting task; {@code onAnswer} runs on the caller's thread and must hand off quickly. */
  public String register(Consumer<Answer> onAnswer) {
    byte[] bytes = new byte[96];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    pending.put(token, onAnswer);
    return token;
  }

  public void forget(String token) {
    if (token != null && pending.remove(token) != null) {
      closed.add(token);
    }
  }

  /** Delivers an answer; a success or failure also forgets the token. */
  public void answer(String token, Answer answer) {
    if (token == null || token.isEmpty() || token.length() > 1024) {
      throw new SfnException("InvalidToken", "Invalid token");
    }
    Consumer<Answer> callback = answer instanceof Answer.Heartbeat ? pending.get(token) : pending.remove(token);
    if (callback == null) {
      // API Reference (SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat), TaskTimedOut: "The task token has either
      // expired or the task associated with the token has already been closed." A token never issued: TaskDoesNotExist.
      if (closed.contains(token)) {
        throw new SfnException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
      }
      throw new SfnException("TaskDoesNotExist", "Task does not exist anymore");
    }
    if (!(answer instanceof Answer.Heartbeat)) {
      closed.add(token);
    }
    callback.accept(answer);
  }
}
