package io.distman.feedback.entity;

import java.util.List;

/** One page of a longer list, and how long the whole list is (for a pager). */
public record ResultPage<T>(List<T> items, int first, int pageSize, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }
}
