package id.ruangaman.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import id.ruangaman.testing.TelegramFixtures;

/**
 * The flat-out acknowledgement's updates: {@code people} Telegram chats each walking the intake, one step per round
 * (the first update of every chat, then the second of every chat, ...). A chat whose walk has ended starts a fresh one
 * as a new chat, so every update id is new and none is absorbed as a duplicate.
 *
 * <p>Every update of the first {@code walks} walks is rendered here, before the load begins, and {@link #get()} only
 * picks the next one. Until issue 16's fortieth round the next walk was rendered on the way, when its first update was
 * due: at each wrap the load generator's one event loop rendered 5,000 whole walks in a row, the webhook got next to no
 * requests for 5-11 s, and the service sat idle meanwhile. The wrap of the first walk fell at the start of the
 * acknowledgement's warm window, so that window measured the generator. Should a phase send more than the rendered
 * walks, each chat's next walk is rendered when its first update is due, as before, and {@link #rendered()} and
 * {@link #overrun()} tell how many were rendered on the way.
 */
final class TelegramUpdateSupply implements Supplier<WebhookLoad.Request> {

    private final int people;
    private final int length = IntakeScripts.length();
    /** The rendered walks' updates in the order they are sent: walk, then step, then person. */
    private final String[] ahead;
    private final List<List<String>> current = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong overrun = new AtomicLong();

    /** Renders {@code walks} walks of {@code people} chats (about 0.5 KB an update). */
    TelegramUpdateSupply(int people, int walks) {
        if (people < 1 || walks < 1) {
            throw new IllegalArgumentException("people and walks must be at least 1");
        }
        this.people = people;
        this.ahead = new String[Math.multiplyExact(Math.multiplyExact(people, length), walks)];
        List<List<String>> walk = new ArrayList<>(people);
        for (int w = 0; w < walks; w++) {
            walk.clear();
            for (int person = 0; person < people; person++) {
                walk.add(IntakeScripts.telegram(TelegramFixtures.newChatId()));
            }
            int base = w * people * length;
            for (int step = 0; step < length; step++) {
                for (int person = 0; person < people; person++) {
                    ahead[base + step * people + person] = walk.get(person).get(step);
                }
            }
        }
        current.addAll(walk); // the last rendered walk, each chat's script to renew on an overrun
    }

    @Override
    public WebhookLoad.Request get() {
        int index = next.getAndIncrement();
        if (index < ahead.length) {
            return IntakeLoadPlan.telegramRequest(ahead[index]);
        }
        overrun.incrementAndGet();
        int person = index % people;
        int step = (index / people) % length;
        synchronized (current) {
            if (step == 0) {
                current.set(person, IntakeScripts.telegram(TelegramFixtures.newChatId()));
            }
            return IntakeLoadPlan.telegramRequest(current.get(person).get(step));
        }
    }

    /** How many updates were rendered before the load. */
    int rendered() {
        return ahead.length;
    }

    /** How many updates were sent beyond the rendered ones (each chat's next walk rendered on the way). */
    long overrun() {
        return overrun.get();
    }
}
