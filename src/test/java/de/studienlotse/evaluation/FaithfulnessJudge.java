package de.studienlotse.evaluation;

import de.studienlotse.answer.Citation;
import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.ModelStream;
import de.studienlotse.answer.llm.PromptFiles;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LLM-as-judge for faithfulness, RAGAS style: the model splits an answer into claims and judges each against the
 * passages the answer cites ({@code prompts/judge-faithfulness.md}); faithfulness = supported claims / all claims.
 * Active only with {@code studienlotse.evaluation.judge=true} and a configured language model. Blocking. Only the
 * evaluation command creates it (from the service's beans), so the serving jar carries no judge.
 */
public class FaithfulnessJudge implements AnswerJudge {

    static final String PROMPT = "judge-faithfulness.md";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LanguageModel model;
    private final ModelStream stream;
    private final boolean enabled;
    private final PromptTemplate prompt;

    FaithfulnessJudge(LanguageModel model, ModelStream stream, EvaluationProperties properties,
                      @Value("${studienlotse.prompts.location:classpath:prompts/}") String location) {
        this.model = model;
        this.stream = stream;
        this.enabled = properties.judge();
        this.prompt = PromptFiles.load(location, PROMPT);
    }

    /** Whether runs judge: asked for and a language model configured. */
    @Override
    public boolean active() {
        return enabled && model.isPresent();
    }

    /** What the report says about the judge. */
    @Override
    public String state() {
        if (!enabled) return "off";
        return model.isPresent() ? "on (" + model.backendName() + ")" : "asked for, but no language model is configured";
    }

    /** The verdict on one answer; an unreadable reply is reported as such, never guessed. */
    @Override
    public Judgement judge(String question, String answer, List<Citation> cited) {
        String sources = cited.stream().map(c -> "[" + c.n() + "] " + (c.label() == null || c.label().equals(c.quote())
                ? c.quote() : c.label() + ": " + c.quote())).collect(Collectors.joining("\n\n"));
        String filled = PromptFiles.fill(prompt, Map.of("question", question, "answer", answer, "sources", sources));
        String reply;
        try {
            reply = stream.complete(model.model().orElseThrow(), List.of(UserMessage.from(filled))).block();
        } catch (RuntimeException e) {
            return Judgement.failed("model call failed: " + e.getMessage());
        }
        return parse(reply == null ? "" : reply);
    }

    /** Reads the JSON object of the reply, tolerating text or a code fence around it. */
    static Judgement parse(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Judgement.failed("no JSON object in the reply");
        }
        try {
            JsonNode claims = JSON.readTree(reply.substring(start, end + 1)).path("aussagen");
            if (!claims.isArray()) {
                return Judgement.failed("no list \"aussagen\" in the reply");
            }
            List<Claim> judged = new ArrayList<>();
            for (JsonNode claim : claims) {
                String verdict = claim.path("urteil").asString("").strip().toLowerCase(Locale.GERMAN);
                if (!verdict.equals("belegt") && !verdict.equals("nicht belegt")) {
                    return Judgement.failed("unknown verdict \"" + verdict + "\"");
                }
                judged.add(new Claim(claim.path("aussage").asString(""), verdict.equals("belegt")));
            }
            return Judgement.of(judged);
        } catch (JacksonException e) {
            return Judgement.failed("unreadable JSON: " + e.getOriginalMessage());
        }
    }

    record Claim(String text, boolean supported) {
    }

    /**
     * @param faithfulness supported / all claims; null when the answer has no claim or the reply was unreadable
     * @param error        why the reply could not be read, else null
     */
    record Judgement(List<Claim> claims, Double faithfulness, String error) implements Verdict {

        static Judgement of(List<Claim> claims) {
            long supported = claims.stream().filter(Claim::supported).count();
            return new Judgement(List.copyOf(claims), claims.isEmpty() ? null : (double) supported / claims.size(), null);
        }

        static Judgement failed(String error) {
            return new Judgement(List.of(), null, error);
        }
    }

}
