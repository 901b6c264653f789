package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;

/** One family of checks; adds problems to the context. */
public interface LintRule {
    void check(FlowDefinition flow, LintContext context);
}
