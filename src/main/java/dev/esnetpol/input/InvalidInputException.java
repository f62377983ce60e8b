package dev.esnetpol.input;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be understood. Carries every problem found, not only the first. */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
