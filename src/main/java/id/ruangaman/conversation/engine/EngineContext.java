package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.CaseStatusLookup;
import id.ruangaman.conversation.ChoiceOrder;
import id.ruangaman.conversation.EngineSettings;
import id.ruangaman.conversation.IdGenerator;
import id.ruangaman.conversation.SharedTexts;
import id.ruangaman.conversation.text.RoughDateParser;
import java.time.Clock;

/** The engine's collaborators, shared by every turn. */
public record EngineContext(EngineSettings settings, Clock clock, IdGenerator ids, CaseStatusLookup cases, RoughDateParser dates,
        SharedTexts sharedTexts, ChoiceOrder choiceOrder) {

    public EngineContext(EngineSettings settings, Clock clock, IdGenerator ids, CaseStatusLookup cases, RoughDateParser dates) {
        this(settings, clock, ids, cases, dates, SharedTexts.NONE);
    }

    public EngineContext(EngineSettings settings, Clock clock, IdGenerator ids, CaseStatusLookup cases, RoughDateParser dates,
            SharedTexts sharedTexts) {
        this(settings, clock, ids, cases, dates, sharedTexts, ChoiceOrder.SHOWN);
    }

    /** The same collaborators with other shared texts (a channel's own wording of a notice). */
    public EngineContext withSharedTexts(SharedTexts texts) {
        return new EngineContext(settings, clock, ids, cases, dates, texts, choiceOrder);
    }

    /** The same collaborators for a messenger that shows choices as {@code order} says. */
    public EngineContext withChoiceOrder(ChoiceOrder order) {
        return new EngineContext(settings, clock, ids, cases, dates, sharedTexts, order);
    }
}
