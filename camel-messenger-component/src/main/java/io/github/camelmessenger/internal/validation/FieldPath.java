package io.github.camelmessenger.internal.validation;

/**
 * A field's JSON path such as {@code message.attachment.payload.elements[2].buttons[0].title}, written out only when
 * a check fails and the error names it. Concatenated for every field checked, the paths were a third of what
 * validating a generic template allocated, and almost all of them were never read.
 */
final class FieldPath implements CharSequence {

    private final CharSequence parent;
    /** The field's name, or null for an array item. */
    private final String name;
    private final int index;

    private FieldPath(CharSequence parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** {@code parent.name}, or {@code name} at the top level (an empty parent). */
    static CharSequence of(CharSequence parent, String name) {
        if (parent instanceof String text && text.isEmpty()) {
            return name;
        }
        return new FieldPath(parent, name, -1);
    }

    /** {@code parent[index]}. */
    static CharSequence item(CharSequence parent, int index) {
        return new FieldPath(parent, null, index);
    }

    private void appendTo(StringBuilder out) {
        if (parent instanceof FieldPath path) {
            path.appendTo(out);
        } else {
            out.append(parent);
        }
        if (name == null) {
            out.append('[').append(index).append(']');
        } else {
            out.append('.').append(name);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        appendTo(out);
        return out.toString();
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int i) {
        return toString().charAt(i);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }
}
